// npm start — the main job on a fresh machine: build the extension, prepare the demo workspace
// (scripts/demo/prepare.mjs: a git repo with a bare origin, a service deployed to staging and
// production on 127.0.0.1, the runbook DEPLOYMENT_GUIDE.md), then open VS Code on it with the
// extension loaded. Uses a local `code` when there is one; otherwise code-server on
// http://127.0.0.1:$PORT (default 8080, or a free port when taken).
//   npm start                     build, prepare (or reuse) .demo/, open
//   npm start -- --code-server    code-server even when `code` is there
//   npm start -- --force          a fresh demo (the old one's services are stopped first)
//   npm start -- --mode process   deploy as plain processes even when Docker answers
//   npm run demo:down             stop the demo's services
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { devHostUrl, ensureCodeServer, findOnPath, freePort, repoRoot, startCodeServer } from './code-server.mjs';
import { dockerProblem, prepareDemo } from './demo/prepare.mjs';

const say = (msg) => console.log(`[start] ${msg}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const build = spawnSync(npm, ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const demo = join(repoRoot, '.demo');
const workspaceDir = join(demo, 'workspace');
const HOW_TO_START_DOCKER = `To deploy with Docker, start the engine (\`sudo systemctl start docker\`, or \`sudo dockerd &\`
  where there is no systemd), install docker-compose, then run \`npm start -- --force\`.`;
const wantedMode = option('--mode');
const problem = wantedMode === 'process' ? undefined : await dockerProblem();
if (problem) say(`${problem}.\n  ${HOW_TO_START_DOCKER}\n  Going on with a plain-process deployment of the service.`);
let prepared;
try {
  prepared = await prepareDemo({ dir: workspaceDir, mode: wantedMode, force: args.includes('--force'), log: (msg) => say(msg) });
} catch (error) {
  if (!problem || !/Docker/.test(error.message)) throw error;
  // The demo was made for Docker, and Docker is gone: a fresh one as processes.
  say(`${error.message}\n  Preparing a fresh demo as plain processes instead.`);
  prepared = await prepareDemo({ dir: workspaceDir, mode: 'process', force: true, log: (msg) => say(msg) });
}
const workspace = prepared.workspace;
const { ports } = prepared.settings;
say(`staging http://127.0.0.1:${ports.staging}/health, production http://127.0.0.1:${ports.production}/health (${prepared.settings.mode})`);

const code = args.includes('--code-server') ? undefined : findOnPath('code');
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

  Open this URL in a browser on this machine (the Deploy Pilot view is in the activity bar;
  Help › Welcome › Walkthroughs has "Deploy Pilot: Get Started"):

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
