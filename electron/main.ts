/**
 * Electron main process: a thin shell. It owns the database (through the core), serves the
 * renderer on a privileged scheme with a strict CSP, and answers IPC from its own pages only.
 * No business rules live here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { createCore } from '../core/core';
import { kluisActie, VERGRENDELD } from '../core/kluis/acties';
import { Kluizen } from '../core/kluis/kluizen';
import { isApiMethod } from '../shared/api';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  resolveAppFile,
  secureWebPreferences,
} from './security';
import { loadWindowState, saveWindowState } from './window-state';

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** The SQLite addon built for Electron's ABI (packaging or `npm start` builds it). */
function electronNativeBinding(): string | undefined {
  const candidates = [
    process.env.EENPLAN_NATIVE_BINDING,
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), '.cache', 'electron-native', 'better_sqlite3.node'),
  ];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!));
}

let kluis: Kluizen | null = null;

// Windows shows notifications (the agenda's reminders) only for an app with this id, the same
// as appId in electron-builder.yml.
app.setAppUserModelId('nl.eenplan.desktop');

/**
 * Updates come from the central service (electron-builder's generic provider; the feed URL is
 * written into the package from EENPLAN_UPDATE_URL). Checked at start and every four hours,
 * installed on quit; offline the check simply fails and is tried again later.
 */
function zoekUpdates(): void {
  if (!app.isPackaged) return;
  const zoek = () => void autoUpdater.checkForUpdatesAndNotify().catch(() => undefined);
  zoek();
  setInterval(zoek, 4 * 60 * 60 * 1000);
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Eenplan',
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () =>
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }),
  );
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

void app.whenReady().then(() => {
  const rendererDir = join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(request.url, rendererDir, join);
    if (!file || !existsSync(file)) return new Response('Niet gevonden', { status: 404 });
    return new Response(readFileSync(file), {
      headers: {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback) =>
    callback(isPermissionAllowed(permission, webContents.getURL())),
  );
  session.defaultSession.setPermissionCheckHandler((webContents, permission) =>
    webContents ? isPermissionAllowed(permission, webContents.getURL()) : false,
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const nativeBinding = electronNativeBinding();
  kluis = new Kluizen({
    dataDir: join(app.getPath('userData'), 'profielen'),
    ...(nativeBinding ? { nativeBinding } : {}),
    migrationsFolder: join(__dirname, 'migrations'),
    // The second wrap of the key, tied to this OS account (unverified here: no Electron binary).
    ...(safeStorage.isEncryptionAvailable()
      ? { os: (sleutel: Buffer) => safeStorage.encryptString(sleutel.toString('hex')) }
      : {}),
    maakCore: (store, naAanmelding) =>
      createCore(store, {
        naAanmelding,
        ...(process.env.EENPLAN_SERVER_URL
          ? { standaardServer: process.env.EENPLAN_SERVER_URL }
          : {}),
      }),
  });
  // Locked with the OS session and on suspend: the database closes, the key leaves memory.
  powerMonitor.on('lock-screen', () => kluis?.vergrendel());
  powerMonitor.on('suspend', () => kluis?.vergrendel());
  ipcMain.handle('eenplan:kluis', (event, actie: unknown, invoer: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url))
      throw new Error('IPC van een onbekende afzender geweigerd.');
    return kluisActie(kluis!, actie, invoer);
  });
  ipcMain.handle(
    'eenplan:call',
    (event, method: unknown, input: unknown, professionalId: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url))
        throw new Error('IPC van een onbekende afzender geweigerd.');
      if (typeof method !== 'string' || !isApiMethod(method)) {
        return { ok: false, error: { code: 'niet-gevonden', message: 'Onbekende functie.' } };
      }
      const core = kluis!.core();
      if (!core) return { ok: false, error: VERGRENDELD };
      return core.callAsync(method, input, {
        professionalId: typeof professionalId === 'string' ? professionalId : null,
      });
    },
  );
  const profielVan = (professionalId: unknown) => ({
    professionalId: typeof professionalId === 'string' ? professionalId : null,
  });
  ipcMain.handle(
    'eenplan:soj-import',
    (event, bytes: unknown, naam: unknown, professionalId: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url))
        throw new Error('IPC van een onbekende afzender geweigerd.');
      if (!(bytes instanceof Uint8Array) || typeof naam !== 'string')
        return {
          ok: false,
          error: { code: 'ongeldige-invoer', message: 'Geen bestand ontvangen.' },
        };
      const core = kluis!.core();
      if (!core) return { ok: false, error: VERGRENDELD };
      return core.sojImporteren(bytes, naam, profielVan(professionalId));
    },
  );
  ipcMain.handle('eenplan:export', (event, input: unknown, professionalId: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url))
      throw new Error('IPC van een onbekende afzender geweigerd.');
    const core = kluis!.core();
    if (!core) return { ok: false, error: VERGRENDELD };
    return core.exporteren(input, profielVan(professionalId));
  });
  createWindow();
  zoekUpdates();
});

app.on('window-all-closed', () => {
  kluis?.vergrendel();
  kluis = null;
  app.quit();
});
