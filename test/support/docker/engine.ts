/** Helpers for tests against the real Docker engine: the docker CLI, the base image, the test image, free ports. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../repoPaths';
import { TEST_APP_DOCKERFILE, TEST_APP_SOURCE } from './testApp';

export const BASE_IMAGE = 'localnode:20';

/** Runs the docker CLI; resolves with its stdout (trimmed), rejects with its stderr. */
export function docker(args: readonly string[], timeoutMs = 30_000): Promise<string> {
  return run('docker', args, timeoutMs);
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/** Why the engine cannot be used, or undefined when it answers. */
export async function engineProblem(): Promise<string | undefined> {
  try {
    await docker(['version', '--format', '{{.Server.Version}}'], 10_000);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Makes `localnode:20` with scripts/docker-base-image.sh when it is missing. */
export async function ensureBaseImage(): Promise<void> {
  try {
    await docker(['image', 'inspect', '--format', '{{.Id}}', BASE_IMAGE]);
  } catch {
    await run('bash', [path.join(REPO_ROOT, 'scripts', 'docker-base-image.sh'), BASE_IMAGE], 120_000);
  }
}

/** Builds the test image (see testApp.ts) under `tag`. */
export async function buildTestImage(tag: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dptest-image-'));
  try {
    writeFileSync(path.join(dir, 'Dockerfile'), TEST_APP_DOCKERFILE);
    writeFileSync(path.join(dir, 'app.js'), TEST_APP_SOURCE);
    await docker(['build', '-q', '-t', tag, dir], 60_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds an image of the HTTP test service (test/support/testService, compiled to
 * out/test/support/testService: Node built-ins only) FROM localnode:20, run as
 * `docker run --network host IMAGE --port P`.
 */
export async function buildTestServiceImage(tag: string): Promise<void> {
  const compiled = path.join(REPO_ROOT, 'out', 'test', 'support', 'testService');
  const dir = mkdtempSync(path.join(tmpdir(), 'dptest-service-image-'));
  try {
    cpSync(compiled, path.join(dir, 'app'), { recursive: true, filter: (source) => !source.endsWith('.map') });
    writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${BASE_IMAGE}\nCOPY app /app\nENTRYPOINT ["/usr/bin/node", "/app/main.js"]\n`);
    await docker(['build', '-q', '-t', tag, dir], 60_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const UNITS: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, kB: 1000, MB: 1000 ** 2, GB: 1000 ** 3 };

/** Bytes of a Docker CLI size like `72.32MiB` (go-units BytesSize: 4 significant digits, binary units). */
export function parseCliBytes(text: string): number {
  const match = /^([\d.]+)\s*([A-Za-z]+)$/.exec(text.trim());
  const unit = match?.[2] !== undefined ? UNITS[match[2]] : undefined;
  if (!match || unit === undefined) throw new Error(`not a Docker CLI size: "${text}"`);
  return Number(match[1]) * unit;
}

/** `docker stats --format '{{.MemUsage}}'` output (`72.32MiB / 23.54GiB`) as bytes. */
export function parseCliMemUsage(text: string): { used: number; limit: number } {
  const [used, limit] = text.split('/');
  if (used === undefined || limit === undefined) throw new Error(`not a MemUsage: "${text}"`);
  return { used: parseCliBytes(used), limit: parseCliBytes(limit) };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
