/**
 * The Electron security checklist as plain functions, so they are unit-tested without the
 * Electron binary. main.ts only wires them up.
 */
import type { PlatformPath } from 'node:path';

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

/** What resolveAppFile needs of a path module: `node:path` in the app, `path.win32` or `path.posix` in tests. */
export type PathFlavour = Pick<
  PlatformPath,
  'join' | 'resolve' | 'relative' | 'isAbsolute' | 'sep'
>;

/**
 * What no segment of an app:// path may hold once decoded: a separator of either flavour (`/`,
 * `\`), so `..%5C..%5Cx` cannot climb out under Windows rules; NUL; and `:` (drive letters,
 * NTFS streams).
 */
const FORBIDDEN_IN_SEGMENT = /[/\\\0:]/;

/**
 * Maps a request on the app scheme to a file inside the renderer folder, or null. Each segment
 * is decoded on its own and refused when it holds a separator or is only dots and spaces (`..`,
 * and what Windows reads as `..` after dropping trailing dots and spaces); the result must then
 * still lie inside the folder, under the path flavour given.
 */
export function resolveAppFile(url: string, rendererDir: string, path: PathFlavour): string | null {
  if (!isAppUrl(url)) return null;
  const segments: string[] = [];
  for (const raw of new URL(url).pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '') continue;
    if (FORBIDDEN_IN_SEGMENT.test(segment) || /^[. ]+$/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rendererDir);
  const inside = path.relative(root, path.resolve(root, ...segments));
  if (
    inside === '' ||
    inside === '..' ||
    inside.startsWith(`..${path.sep}`) ||
    path.isAbsolute(inside)
  )
    return null;
  return path.join(rendererDir, ...segments);
}
