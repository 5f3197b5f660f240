import { join } from 'node:path';
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

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppFile(`${APP_ORIGIN}/`, '/r', join)).toBe('/r/index.html');
    expect(resolveAppFile(`${APP_ORIGIN}/assets/a.js`, '/r', join)).toBe('/r/assets/a.js');
    expect(resolveAppFile(`${APP_ORIGIN}/..%2F..%2Fetc/passwd`, '/r', join)).toBeNull();
    expect(resolveAppFile('https://example.org/a.js', '/r', join)).toBeNull();
  });

  it('has a CSP without inline or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
