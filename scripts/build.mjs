// Bundles the extension host code (node/cjs) with esbuild. Later capabilities add
// their own entry points here (the webview UI as browser/iife).
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const extensionOptions = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/extension.js',
  // ssh2 (under dockerode) loads these natives inside try/catch and falls back to pure JS; natives
  // built for Node would not load in VS Code's Electron anyway.
  external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
};

/** @type {import('esbuild').BuildOptions} */
const cliOptions = {
  ...extensionOptions,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
  define: { DEPLOY_PILOT_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

/** @type {import('esbuild').BuildOptions} */
const monitoringOptions = {
  ...extensionOptions,
  // Loaded on the first Start Monitoring (src/features/monitoring/loadRuntime.ts): undici,
  // dockerode and the Prometheus client stay off the activation path.
  entryPoints: ['src/infra/monitoring/runtime.ts'],
  outfile: 'dist/monitoring.js',
};

/** @type {import('esbuild').BuildOptions} */
const webviewOptions = {
  // The dashboard webview (webview-ui/, its own tsconfig): a browser iife. Its CSS imports
  // (uPlot's and webview-ui/src/dashboard.css) come out next to it as dist/webview/dashboard.css.
  entryPoints: ['webview-ui/src/main.ts'],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  outfile: 'dist/webview/dashboard.js',
  // V8 explicit compile hints (Chromium 136+): compile every function while the script streams
  // in, not lazily inside the first render. Older engines ignore the comment.
  banner: { js: '//# allFunctionsCalledOnLoad' },
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
};

const builds = [extensionOptions];
if (existsSync('src/infra/monitoring/runtime.ts')) builds.push(monitoringOptions);
if (existsSync('src/cli/main.ts')) builds.push(cliOptions);
if (existsSync('webview-ui/src/main.ts')) builds.push(webviewOptions);

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // The CLI is a bin: npx runs it straight from dist/ on a fresh clone.
  if (existsSync(cliOptions.outfile)) chmodSync(cliOptions.outfile, 0o755);
  if (production) {
    // A production build writes no maps: remove those an earlier development build left, which
    // no longer match the minified files.
    const outputs = builds.map((options) => options.outfile);
    outputs.push(webviewOptions.outfile.replace(/\.js$/, '.css'));
    for (const file of outputs) rmSync(`${file}.map`, { force: true });
  }
}
