/**
 * Electron main process: a thin shell. It owns the database (through the core), serves the
 * renderer on a privileged scheme with a strict CSP, and answers IPC from its own pages only.
 * No business rules live here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { extname, join } from 'node:path';
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, screen, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { createCore } from '../core/core';
import { deur } from '../core/deur';
import { Kluizen } from '../core/kluis/kluizen';
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
import { seedDemo } from '../demo/seed';

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
    // Only in development: in the installed app an environment variable must not be a way to
    // load native code into the process that holds the database key.
    app.isPackaged ? undefined : process.env.EENPLAN_NATIVE_BINDING,
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
    const file = resolveAppFile(request.url, rendererDir, path);
    if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile())
      return new Response('Niet gevonden', { status: 404 });
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
    // A laptop that syncs starts empty: its data comes from the central service.
    ...(process.env.EENPLAN_SERVER_URL ? {} : { seed: seedDemo }),
    ...(nativeBinding ? { nativeBinding } : {}),
    migrationsFolder: join(__dirname, 'migrations'),
    // The key is wrapped by the passphrase and the central account only. No copy under the OS
    // keychain (safeStorage): nothing would unlock with it, and on Linux without a secret store
    // it is only obfuscated, a weaker copy of the key on disk.
    maakCore: (store, naAanmelding) =>
      createCore(store, {
        naAanmelding,
        ...(process.env.EENPLAN_SERVER_URL
          ? { standaardServer: process.env.EENPLAN_SERVER_URL }
          : {}),
      }),
  });
  // The idle lock lives in the host, not in the window (the renderer reports activity).
  setInterval(() => kluis?.vergrendelBijStilte(), 5_000);
  // Locked with the OS session and on suspend: the database closes, the key leaves memory.
  powerMonitor.on('lock-screen', () => kluis?.vergrendel());
  powerMonitor.on('suspend', () => kluis?.vergrendel());
  // The one door (core/deur.ts): a method of the contract and its input. Who is calling is not
  // part of it; the open profile knows its person.
  ipcMain.handle('eenplan:call', (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url))
      throw new Error('IPC van een onbekende afzender geweigerd.');
    return deur(kluis!, method, input);
  });
  createWindow();
  zoekUpdates();
});

app.on('window-all-closed', () => {
  kluis?.vergrendel();
  kluis = null;
  app.quit();
});
