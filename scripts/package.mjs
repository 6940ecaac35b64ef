// npm run package — the VSIX, built in a private staging folder so the shared dist/ (the
// development build with source maps that the tests and other sessions load) is never touched.
//
//   staging/  package.json README.md CHANGELOG.md LICENSE .vscodeignore  (copies)
//             media/ schemas/                                              (copies)
//             src/ webview-ui/ scripts/ node_modules/ tsconfig.json        (symlinks to the repo)
//
// `vsce package --no-dependencies` runs there: its `vscode:prepublish` (scripts/build.mjs
// --production) writes a fresh, minified, map-free dist/ into the staging folder, and the
// .vscodeignore allow-list picks the files. Output: dist-vsix/deploy-pilot-<version>.vsix
// (git-ignored), or the path given with --out. Prints the VSIX path on its last stdout line.
// Exported for the e2e test: packageVsix({ out }) → the VSIX path.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const COPIED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'schemas'];
const LINKED = ['src', 'webview-ui', 'scripts', 'node_modules', 'tsconfig.json'];

/** dist-vsix/<name>-<version>.vsix for the current package.json. */
export function defaultVsixPath() {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return join(repoRoot, 'dist-vsix', `${manifest.name}-${manifest.version}.vsix`);
}

function run(command, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    // vsce's own logging goes to stderr: stdout stays for the VSIX path.
    const child = spawn(command, args, { cwd, stdio: ['ignore', process.stderr, 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal})`)),
    );
  });
}

/** Builds the VSIX (production build inside the staging folder) and returns its path. */
export async function packageVsix({ out = defaultVsixPath() } = {}) {
  const target = resolve(out);
  const staging = mkdtempSync(join(tmpdir(), 'deploy-pilot-vsix-'));
  try {
    for (const name of COPIED) {
      const from = join(repoRoot, name);
      if (existsSync(from)) cpSync(from, join(staging, name), { recursive: true });
    }
    for (const name of LINKED) symlinkSync(join(repoRoot, name), join(staging, name));
    const built = join(staging, basename(target));
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    await run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', built], staging);
    if (!existsSync(built)) throw new Error(`vsce reported success but wrote no ${built}`);
    // Copy then rename: a concurrent reader (another test run) never sees a half-written VSIX.
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.tmp`;
    copyFileSync(built, partial);
    renameSync(partial, target);
    return target;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1] : undefined;
  try {
    console.log(await packageVsix(out ? { out } : {}));
  } catch (err) {
    console.error(`[package] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
