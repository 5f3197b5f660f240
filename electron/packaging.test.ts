/**
 * What municipal IT and the update feed rely on in electron-builder.yml. The packages
 * themselves cannot be built on the development machine (no Electron binary), so this checks
 * the configuration they are built from.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Config {
  appId: string;
  npmRebuild: boolean;
  beforeBuild: string;
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  win: { target: { target: string }[] };
  nsis: { oneClick: boolean; perMachine: boolean; allowToChangeInstallationDirectory: boolean };
  mac: { target: { target: string }[] };
  linux: { target: string[] };
  publish: { provider: string; url: string };
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;

describe('the desktop packages', () => {
  it('installs per machine on Windows (NSIS), as a dmg on macOS and as AppImage and deb on Linux', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      perMachine: true,
      allowToChangeInstallationDirectory: false,
    });
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('ships the SQLite addon built for Electron beside the app, unpacked, without rebuilding node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforeBuild).toBe('scripts/before-pack.cjs');
    expect(config.extraResources).toContainEqual({
      from: '.cache/electron-native/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    expect(config.asarUnpack).toContain('**/*.node');
    // The main process looks for it where extraResources puts it.
    expect(readFileSync('electron/main.ts', 'utf8')).toContain("'native', 'better_sqlite3.node'");
  });

  it('updates from the central service with the generic provider, and notifies under the app id', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.EENPLAN_UPDATE_URL}' });
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toContain(`app.setAppUserModelId('${config.appId}')`);
    expect(main).toContain('autoUpdater.checkForUpdatesAndNotify()');
  });
});
