// Bundle check: proves that src/infra/docker (dockerode → docker-modem → ssh2) works when bundled
// by esbuild as scripts/build.mjs bundles the extension (platform node, format cjs, bundle), once
// two optional native parts of ssh2 are left out of the bundle:
//   external: ['cpu-features', './crypto/build/Release/sshcrypto.node']
// Both are required inside try/catch by ssh2, which then falls back to pure JavaScript
// (Node's crypto); without them esbuild stops with `No loader is configured for ".node" files`.
//
// Usage: node test/support/docker/bundleCheck.mjs [--without-externals]
//   env BUNDLE_CHECK_HOST     Docker host for createDocker (default: DOCKER_HOST / the default socket)
//   env BUNDLE_CHECK_PROJECT  a compose project whose containers to list
// Prints one JSON line; exit 0 when the bundle built, ran, pinged the engine and listed containers.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The externals scripts/build.mjs needs for dockerode, besides 'vscode'. */
export const DOCKER_EXTERNALS = ['cpu-features', './crypto/build/Release/sshcrypto.node'];

const withoutExternals = process.argv.includes('--without-externals');

// What the bundled program does: everything through src/infra/docker, nothing else.
const ENTRY = `
import { createServer } from 'node:net';
import { createDocker } from ${JSON.stringify(path.join(REPO_ROOT, 'src', 'infra', 'docker'))};

function closedPort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

(async () => {
  const result = {};
  // How ssh2's own require() calls resolve from the bundle's folder: absent → pure-JS fallback.
  result.nativeParts = ${JSON.stringify(DOCKER_EXTERNALS)}.map((id) => {
    try {
      return id + ': ' + require.resolve(id);
    } catch {
      return id + ': absent';
    }
  });
  const docker = createDocker(process.env.BUNDLE_CHECK_HOST || undefined, { timeoutMs: 15000 });
  result.host = docker.host;
  await docker.ping();
  result.ping = 'ok';
  const project = process.env.BUNDLE_CHECK_PROJECT;
  const found = await docker.findContainers(project ? { composeProject: project, includeStopped: true } : { names: [] });
  result.containers = found.map((c) => ({ name: c.name, service: c.composeService, state: c.state }));
  // ssh:// goes through ssh2 (pure JavaScript here): a refused connection proves it loaded and ran.
  const port = await closedPort();
  try {
    await createDocker('ssh://nobody@127.0.0.1:' + port, { timeoutMs: 5000 }).ping();
    result.ssh = 'unexpectedly connected';
  } catch (error) {
    result.ssh = error.message;
    result.sshKind = error.kind;
  }
  console.log(JSON.stringify(result));
})().catch((error) => {
  console.log(JSON.stringify({ error: error.message, kind: error.kind }));
  process.exit(1);
});
`;

function runNode(file, cwd) {
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd, timeout: 60_000, env: process.env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

async function main() {
  // A directory outside the repository: the bundle cannot fall back on node_modules there, as in a
  // packaged extension (vsce --no-dependencies).
  const dir = mkdtempSync(path.join(tmpdir(), 'dp-bundle-check-'));
  const summary = { externals: withoutExternals ? ['vscode'] : ['vscode', ...DOCKER_EXTERNALS] };
  try {
    const entry = path.join(dir, 'entry.ts');
    const outfile = path.join(dir, 'bundle.cjs');
    writeFileSync(entry, ENTRY);
    try {
      await esbuild.build({
        // The options of extensionOptions in scripts/build.mjs (development build) ...
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile,
        sourcemap: false,
        minify: false,
        legalComments: 'none',
        logLevel: 'silent',
        // ... plus the externals this check proves necessary and sufficient.
        external: summary.externals,
        absWorkingDir: REPO_ROOT,
      });
    } catch (error) {
      summary.build = 'failed';
      summary.errors = (error.errors ?? []).map((e) => e.text);
      return summary;
    }
    summary.build = 'ok';
    summary.bundleBytes = statSync(outfile).size;
    const run = await runNode(outfile, dir);
    summary.exitCode = run.code;
    try {
      summary.result = JSON.parse(run.stdout.split('\n').pop() ?? '');
    } catch {
      summary.result = { stdout: run.stdout, stderr: run.stderr.split('\n').slice(0, 5).join('\n') };
    }
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const summary = await main();
console.log(JSON.stringify(summary));
const ok = summary.build === 'ok' && summary.exitCode === 0 && summary.result?.ping === 'ok';
process.exit(ok ? 0 : 1);
