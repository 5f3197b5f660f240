/**
 * What municipal IT and the update feed rely on in electron-builder.yml. The packages
 * themselves cannot be built on the development machine (no Electron binary), so this checks
 * the configuration they are built from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Config {
  appId: string;
  npmRebuild: boolean;
  beforeBuild: string;
  afterPack: string;
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  win: { target: { target: string }[]; signtoolOptions: Record<string, unknown> };
  nsis: { oneClick: boolean; perMachine: boolean; allowToChangeInstallationDirectory: boolean };
  mac: {
    target: { target: string }[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    notarize: boolean;
  };
  linux: { target: string[]; maintainer: string };
  publish: { provider: string; url: string };
}

const text = readFileSync('electron-builder.yml', 'utf8');
const config = load(text) as Config;
const requireCjs = createRequire(import.meta.url);

/** The afterPack hook and the fuse list it flips (CommonJS, as electron-builder loads them). */
const hook = requireCjs('../scripts/after-pack.cjs') as {
  fuseConfig(): Record<string, unknown>;
  electronBinary(context: object): string;
};
const FUSES = requireCjs('../scripts/fuses.cjs') as Record<string, boolean>;

/** Every key and string value in the configuration, with where it sits. */
function* entries(value: unknown, at = ''): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* entries(item, `${at}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield [`${at}.${key}`, item];
      yield* entries(item, `${at}.${key}`);
    }
  }
}

describe('the desktop packages', () => {
  it('installs per machine on Windows (NSIS), as a dmg on macOS and as AppImage and deb on Linux', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      perMachine: true,
      allowToChangeInstallationDirectory: false,
    });
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    // electron-builder refuses a deb without a maintainer (or an author with an e-mail address).
    expect(config.linux.maintainer).toBeTruthy();
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

  it('is a configuration electron-builder accepts', async () => {
    // electron-builder's own schema check, as `npm run package` runs it first.
    const { validateConfiguration } = requireCjs('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = requireCjs('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the Electron fuses after packing, before signing', () => {
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    expect(existsSync(config.afterPack)).toBe(true);
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    // Every fuse @electron/fuses knows is set, none left to Electron's default.
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
    // What the hook hands to flipFuses: the same values at the fuses' places in the wire.
    expect(hook.fuseConfig()).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('flips the fuses in the packaged binary of each platform', () => {
    const packager = { appInfo: { productFilename: 'Eenplan' }, executableName: 'eenplan' };
    const binary = (electronPlatformName: string) =>
      hook.electronBinary({ appOutDir: join('release', 'out'), electronPlatformName, packager });
    expect(binary('darwin')).toBe(join('release', 'out', 'Eenplan.app'));
    expect(binary('win32')).toBe(join('release', 'out', 'Eenplan.exe'));
    expect(binary('linux')).toBe(join('release', 'out', 'eenplan'));
  });

  it('signs and notarizes with credentials from the environment, never from this file', () => {
    // Windows: signtool with SHA-256 and a timestamp; the certificate comes from WIN_CSC_LINK.
    expect(config.win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    expect(config.win.signtoolOptions.rfc3161TimeStampServer).toMatch(/^https?:\/\//);
    // macOS: hardened runtime with an entitlements file, notarized when APPLE_* are set.
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const entitlements = readFileSync(config.mac.entitlements, 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    // No secret in the file: no key that holds one, no certificate or key material, and the
    // only environment variable it reads is the update URL.
    for (const [at, value] of entries(config)) {
      expect(at, at).not.toMatch(
        /password|cscLink|cscKey|certificate(File|Sha1|Password)|appleId|apiKey|token|secret/i,
      );
      if (typeof value === 'string') {
        expect(value, at).not.toMatch(/-----BEGIN|[A-Za-z0-9+/]{60,}/);
      }
    }
    expect(text.match(/\$\{env\.\w+\}/g)).toEqual(['${env.EENPLAN_UPDATE_URL}']);
    // The variables electron-builder reads instead are documented for whoever builds.
    const readme = readFileSync('README.md', 'utf8');
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
