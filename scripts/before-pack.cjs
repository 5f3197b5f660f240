// electron-builder hook: make sure the Electron-ABI SQLite addon and the bundles exist before
// packaging. Returning false tells electron-builder not to install or rebuild dependencies.
const { execFileSync } = require('node:child_process');

exports.default = async function beforeBuild() {
  execFileSync(process.execPath, ['scripts/build-electron-native.mjs'], { stdio: 'inherit' });
  // npm's own script through this Node: Windows refuses to run npm.cmd without a shell.
  const npm = process.env.npm_execpath;
  if (npm) execFileSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' });
  else execFileSync('npm', ['run', 'build'], { stdio: 'inherit', shell: true });
  return false;
};
