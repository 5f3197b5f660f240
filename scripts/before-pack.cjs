// electron-builder hook: make sure the Electron-ABI SQLite addon and the bundles exist before
// packaging. Returning false tells electron-builder not to install or rebuild dependencies.
const { execFileSync } = require('node:child_process');

exports.default = async function beforeBuild() {
  execFileSync(process.execPath, ['scripts/build-electron-native.mjs'], { stdio: 'inherit' });
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
    stdio: 'inherit',
  });
  return false;
};
