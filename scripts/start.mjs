// npm start — try the extension by hand: build, then open an Extension Development Host on a
// demo workspace (.demo/workspace, a copy of test/fixtures/workspaces/seed, kept between runs).
// Uses a local `code` when there is one; otherwise code-server on http://127.0.0.1:$PORT
// (default 8080, or a free port when taken). `--code-server` forces code-server.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { devHostUrl, ensureCodeServer, findOnPath, freePort, repoRoot, startCodeServer } from './code-server.mjs';

const say = (msg) => console.log(`[start] ${msg}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npm, ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const demo = join(repoRoot, '.demo');
const workspace = join(demo, 'workspace');
if (existsSync(workspace)) {
  say(`reusing ${workspace} (delete it for a fresh copy)`);
} else {
  mkdirSync(demo, { recursive: true });
  cpSync(join(repoRoot, 'test/fixtures/workspaces/seed'), workspace, { recursive: true });
  say(`created ${workspace} from test/fixtures/workspaces/seed`);
}

const code = process.argv.includes('--code-server') ? undefined : findOnPath('code');
if (code) {
  say(`opening VS Code (${code}) with the extension under development`);
  const child = spawn(code, [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
  child.on('exit', (status) => process.exit(status ?? 0));
} else {
  const installDir = await ensureCodeServer();
  const wanted = Number(process.env.PORT || 8080);
  const port = await freePort(wanted);
  if (port !== wanted) say(`port ${wanted} is taken; using ${port}`);
  const logFile = join(demo, 'code-server.log');
  // Handlers first: startCodeServer() only installs its own exit-on-signal when nobody listens.
  let server;
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping code-server');
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  server = await startCodeServer({
    installDir,
    port,
    workspace,
    userDataDir: join(demo, 'user-data'),
    extensionsDir: join(demo, 'extensions'),
    logFile,
  });
  const url = devHostUrl({ port: server.port, workspace, extensionPath: repoRoot });
  console.log(`
  Deploy Pilot Extension Development Host (code-server) is running.

  Open this URL in a browser on this machine:

    ${url}

  Plain code-server (no dev extension): http://127.0.0.1:${server.port}/
  Log: ${logFile}
  After changing src/, run \`npm run build\` and reload the browser tab. Ctrl+C stops.
`);
  server.exited.then((status) => {
    if (stopping) return;
    say(`code-server exited (${status}); see ${logFile}`);
    process.exit(status ?? 1);
  });
}
