// electron-builder afterPack hook: flips the Electron fuses of scripts/fuses.cjs in the packaged
// binary. It runs before electron-builder signs the app, so the signature covers the flipped
// fuses. Not run on the development machine (no Electron binary there); its config and the path
// it picks are unit-tested in electron/packaging.test.ts.
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');
const FUSES = require('./fuses.cjs');

/** The @electron/fuses config for FUSES; an unknown name fails the package, never skipped. */
function fuseConfig() {
  const config = { version: FuseVersion.V1 };
  for (const [naam, waarde] of Object.entries(FUSES)) {
    const index = FuseV1Options[naam];
    if (typeof index !== 'number') throw new Error(`Onbekende Electron-fuse: ${naam}`);
    config[index] = waarde;
  }
  return config;
}

/** The packaged Electron binary (the .app bundle on macOS) in electron-builder's output. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32')
    return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

exports.fuseConfig = fuseConfig;
exports.electronBinary = electronBinary;

exports.default = async function afterPack(context) {
  await flipFuses(electronBinary(context), {
    ...fuseConfig(),
    // Flipping changes the binary, which breaks its signature; on macOS it is signed ad hoc
    // again, so an unsigned build still starts (arm64 runs nothing unsigned) until
    // electron-builder signs it for real right after this hook.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  });
};
