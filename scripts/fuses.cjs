// The Electron fuses every package is built with, by their names in @electron/fuses'
// FuseV1Options. scripts/after-pack.cjs flips them in the packaged binary before it is signed;
// electron/packaging.test.ts checks each value. Every fuse is named, so none is left to
// Electron's default by accident.
module.exports = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node for any script.
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS key (the app sets no cookies of its own).
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would open a debugger on the main process, which holds the key.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never a loose app folder placed beside it.
  OnlyLoadAppFromAsar: true,
  // The app ships no V8 snapshot of its own.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // file:// gets no more than a web page would; the renderer is served on app:// anyway.
  GrantFileProtocolExtraPrivileges: false,
});
