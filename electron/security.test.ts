import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  resolveAppFile,
  secureWebPreferences,
} from './security';

describe('Electron security checklist', () => {
  it('creates windows isolated, sandboxed and without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows navigation and IPC only for the app origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://127.0.0.1:5180/',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
      expect(isTrustedSender(url), url).toBe(false);
    }
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(`${APP_ORIGIN}/`)).toBe(true);
  });

  it('denies permissions by default', () => {
    for (const permission of ['media', 'geolocation', 'openExternal', 'clipboard-read']) {
      expect(isPermissionAllowed(permission, `${APP_ORIGIN}/`), permission).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    // The agenda's reminders, for the app's own pages only.
    expect(isPermissionAllowed('notifications', `${APP_ORIGIN}/`)).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://example.org/')).toBe(false);
  });

  it.each([
    { flavour: 'posix', path: posix, dir: '/opt/Eenplan/resources/renderer' },
    { flavour: 'win32', path: win32, dir: 'C:\\Program Files\\Eenplan\\resources\\renderer' },
  ])('serves only files inside the renderer folder ($flavour paths)', ({ path, dir }) => {
    const file = (pathname: string) => resolveAppFile(`${APP_ORIGIN}${pathname}`, dir, path);
    expect(file('/')).toBe(path.join(dir, 'index.html'));
    expect(file('/assets/a.js')).toBe(path.join(dir, 'assets', 'a.js'));
    expect(file('/assets/een%20plaatje.png')).toBe(path.join(dir, 'assets', 'een plaatje.png'));
    // The URL parser folds plain and encoded dot segments before we see them: still inside.
    expect(file('/assets/../../index.html')).toBe(path.join(dir, 'index.html'));
    expect(file('/%2e%2e/index.html')).toBe(path.join(dir, 'index.html'));
    for (const pathname of [
      '/..%2F..%2Fetc/passwd',
      '/..%5C..%5Cx',
      '/..%5c..%5cWindows%5cwin.ini',
      '/assets/..%5C..%5C..%5Cx',
      '/..\\..\\x',
      '/%2Fetc%2Fpasswd',
      '/%5C%5Cserver%5Cshare%5Cx',
      '/C:%5CWindows%5Cwin.ini',
      '/C:',
      '/index.html:stream',
      // Windows drops trailing dots and spaces from a name, so these would read as '..'.
      '/..%20/x',
      '/.../x',
      '/index.html%00.png',
      // Not UTF-8: refused, not thrown.
      '/%E0%A4%A',
    ]) {
      expect(file(pathname), pathname).toBeNull();
    }
    expect(resolveAppFile('https://example.org/a.js', dir, path)).toBeNull();
  });

  it('has a CSP without inline or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
