// Bundles electron/main.ts and electron/preload.ts (with the core) into dist/electron as
// CommonJS, and copies the migrations, the iJw XSDs and the PDF fonts next to them for the
// packaged app.
import { cpSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist/electron';
mkdirSync(outdir, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  // pdfkit reads its font metrics from files beside its own code, so it stays in node_modules.
  // electron-updater reads its feed file from the package at run time.
  // xmllint-wasm runs libxml2 in a worker thread loaded from its own folder.
  external: ['electron', 'better-sqlite3', 'pdfkit', 'electron-updater', 'xmllint-wasm'],
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: { main: 'electron/main.ts' },
  outExtension: { '.js': '.cjs' },
  outdir,
  // The core finds its migrations relative to import.meta.url; in this CommonJS bundle that
  // is the bundle's own file, and the migrations are copied beside it.
  define: { 'import.meta.url': '__eenplanModuleUrl' },
  banner: { js: "const __eenplanModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
  outExtension: { '.js': '.cjs' },
  outdir,
});
cpSync('db/migrations', `${outdir}/migrations`, { recursive: true });
// The official iJw XSDs, found beside the bundle as the core finds them beside itself.
cpSync('core/ijw/xsd', `${outdir}/xsd`, { recursive: true });
// The font every PDF embeds (core/plan-pdf/document.ts LETTERTYPE_BESTANDEN), found beside the
// bundle; only these three of the package's files go into the app.
mkdirSync(`${outdir}/fonts`, { recursive: true });
for (const bestand of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'])
  cpSync(`node_modules/dejavu-fonts-ttf/ttf/${bestand}`, `${outdir}/fonts/${bestand}`);
cpSync('node_modules/dejavu-fonts-ttf/LICENSE', `${outdir}/fonts/LICENSE`);
console.log('Electron-shell gebouwd in dist/electron.');
