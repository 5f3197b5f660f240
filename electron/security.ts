/**
 * The Electron security checklist as plain functions, so they are unit-tested without the
 * Electron binary. main.ts only wires them up.
 */

/** The renderer is served from this privileged custom scheme, never from file:// or http. */
export const APP_SCHEME = 'app';
export { CONTENT_SECURITY_POLICY } from '../shared/csp';

export const APP_ORIGIN = `${APP_SCHEME}://eenplan`;

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  spellcheck: boolean;
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  };
}

/** Only pages of our own origin may be shown; everything else is blocked. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** IPC is answered only for frames showing our own pages. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/**
 * No camera, microphone, location or anything else unless listed here. Notifications are the
 * agenda's reminders (a visit in a quarter of an hour), from the app's own pages only.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'notifications',
]);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** Maps a request on the app scheme to a file inside the renderer folder, or null. */
export function resolveAppFile(
  url: string,
  rendererDir: string,
  join: (...p: string[]) => string,
): string | null {
  if (!isAppUrl(url)) return null;
  const pathname = decodeURIComponent(new URL(url).pathname);
  if (pathname.split('/').some((part) => part === '..')) return null;
  return join(rendererDir, pathname === '/' ? 'index.html' : pathname);
}
