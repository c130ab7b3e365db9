// Bundles the explorer into dist/: app.js (src/main.js and its imports, Cytoscape included), app.css, index.html.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

await mkdir('dist', { recursive: true });
await build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  outdir: 'dist',
  logLevel: 'warning',
});
await build({
  entryPoints: { app: 'src/styles.css' },
  bundle: true,
  outdir: 'dist',
  logLevel: 'warning',
});
await copyFile('src/index.html', 'dist/index.html');
