import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DockerError, createDocker, withDeadline } from '../../../src/infra/docker';
import { freePort } from '../../support/docker/engine';

/** Runs `fn` and returns what it rejected with (fails the test when it resolves). */
async function rejection(fn: () => Promise<unknown>): Promise<DockerError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof DockerError, `expected a DockerError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('Docker client errors (no engine needed)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dptest-docker-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing socket: "not reachable at <host>: connect ENOENT … — start Docker or …", by where the address came from', async () => {
    const socket = path.join(dir, 'docker.sock');
    const fromConfig = await rejection(() => createDocker(`unix://${socket}`, { env: {} }).ping());
    assert.equal(fromConfig.kind, 'unreachable');
    assert.equal(
      fromConfig.message,
      `Docker engine not reachable at unix://${socket}: connect ENOENT ${socket} — start Docker or fix 'dockerHost' in the environment config`,
    );
    const fromEnv = await rejection(() => createDocker(undefined, { env: { DOCKER_HOST: `unix://${socket}` } }).ping());
    assert.equal(fromEnv.message, `Docker engine not reachable at unix://${socket}: connect ENOENT ${socket} — start Docker or fix DOCKER_HOST`);
  });

  it('a refused tcp connection', async () => {
    const port = await freePort();
    const error = await rejection(() => createDocker(`tcp://127.0.0.1:${port}`, { env: {} }).findContainers({ names: ['x'] }));
    assert.equal(error.kind, 'unreachable');
    assert.equal(error.host, `tcp://127.0.0.1:${port}`);
    assert.match(error.message, new RegExp(`^Docker engine not reachable at tcp://127\\.0\\.0\\.1:${port}: connect ECONNREFUSED 127\\.0\\.0\\.1:${port} — start Docker`));
  });

  it('a bad address is a config error that names its source', () => {
    assert.throws(() => createDocker('unix://relative.sock', { env: {} }), (error: unknown) => {
      assert.ok(error instanceof DockerError);
      assert.equal(error.kind, 'config');
      assert.match(error.message, /^Invalid Docker host "unix:\/\/relative.sock": a unix socket needs an absolute path.*\(from 'dockerHost' in the environment config\)$/);
      return true;
    });
    assert.throws(() => createDocker(undefined, { env: { DOCKER_HOST: 'http://127.0.0.1:2375' } }), /Invalid Docker host "http:\/\/127.0.0.1:2375": use tcp:\/\/127.0.0.1:2375 .*\(from DOCKER_HOST\)$/);
  });

  it('missing TLS files are a config error', () => {
    assert.throws(
      () => createDocker('tcp://127.0.0.1:2376', { env: { DOCKER_CERT_PATH: dir } }),
      (error: unknown) => error instanceof DockerError && error.kind === 'config' && error.message.includes(`ENOENT`) && error.message.includes(path.join(dir, 'ca.pem')),
    );
  });

  describe('an engine that accepts connections and never answers', () => {
    let server: Server;
    let socketPath: string;
    const connections: Socket[] = [];
    let closed = 0;

    beforeEach(async () => {
      socketPath = path.join(dir, 'wedged.sock');
      server = createServer((socket) => {
        connections.push(socket);
        socket.on('close', () => closed++);
        socket.resume(); // read the request, answer nothing
      });
      await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    });
    afterEach(async () => {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('times out with a clear message and closes the connection', async () => {
      const client = createDocker(`unix://${socketPath}`, { env: {}, timeoutMs: 200 });
      const error = await rejection(() => client.statsOnce('web-1'));
      assert.equal(error.kind, 'timeout');
      assert.equal(
        error.message,
        `Docker engine at unix://${socketPath} did not answer within 200 ms (stats of web-1) — the engine may be hung; check \`docker info\``,
      );
      assert.equal(connections.length, 1);
      // The aborted request destroyed its socket: nothing is left hanging.
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < 50 && closed < 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(closed, 1);
    });
  });

  describe('withDeadline', () => {
    it('passes the result through and aborts nothing when in time', async () => {
      let signal: AbortSignal | undefined;
      const value = await withDeadline(1_000, () => new Error('late'), (s) => {
        signal = s;
        return Promise.resolve(42);
      });
      assert.equal(value, 42);
      assert.equal(signal?.aborted, false);
    });

    it('rejects with the timeout error and aborts the signal even when the call ignores it', async () => {
      let signal: AbortSignal | undefined;
      const late = new Error('late');
      await assert.rejects(
        withDeadline(10, () => late, (s) => {
          signal = s;
          return new Promise<never>(() => undefined);
        }),
        late,
      );
      assert.equal(signal?.aborted, true);
      assert.equal(signal?.reason, late);
    });
  });
});
