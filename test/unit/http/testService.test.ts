import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { DURATION_BUCKETS, startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';
import { freeLoopbackPort } from '../../support/prometheus';
import { rawRequest, waitUntil } from './helpers';

/** Sample lines `name{labels} value` of an exposition, keyed by `name{labels}`. */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    assert.ok(match?.[1] && match[2], `not a sample line: ${line}`);
    map.set(match[1], Number(match[2]));
  }
  return map;
}

async function metricsText(svc: TestService): Promise<string> {
  const res = await rawRequest(`${svc.url}/metrics`);
  assert.equal(res.status, 200);
  return res.body.toString('utf8');
}

async function work(svc: TestService, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await rawRequest(`${svc.url}/api/work`)).status);
  return statuses;
}

describe('test service (in-process)', () => {
  let svc: TestService;

  beforeEach(async () => {
    svc = await startTestService({ version: '2.0.0' });
  });

  afterEach(async () => {
    await svc.close();
  });

  it('answers /health with its version', async () => {
    const res = await rawRequest(`${svc.url}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body.toString('utf8')), { status: 'ok', version: '2.0.0' });
  });

  it('exposes request counters and a histogram whose +Inf bucket equals _count', async () => {
    assert.deepEqual(await work(svc, 3), [200, 200, 200]);
    await rawRequest(`${svc.url}/health`);
    const text = await metricsText(svc);
    assert.match(text, /# TYPE http_requests_total counter\n/);
    assert.match(text, /# TYPE http_request_duration_seconds histogram\n/);
    const s = samples(text);
    assert.equal(s.get('http_requests_total{method="GET",route="/api/work",status="200"}'), 3);
    assert.equal(s.get('http_requests_total{method="GET",route="/health",status="200"}'), 1);
    const bucket = (le: string): number | undefined => s.get(`http_request_duration_seconds_bucket{method="GET",route="/api/work",le="${le}"}`);
    const counts = [...DURATION_BUCKETS.map(String), '+Inf'].map((le) => bucket(le));
    assert.equal(counts.length, 12);
    assert.equal(DURATION_BUCKETS[0], 0.005);
    assert.equal(DURATION_BUCKETS.at(-1), 10);
    counts.forEach((count, i) => assert.ok(count !== undefined && (i === 0 || count >= (counts[i - 1] ?? 0)), `bucket ${i} cumulative`));
    assert.equal(bucket('+Inf'), 3);
    assert.equal(s.get('http_request_duration_seconds_count{method="GET",route="/api/work"}'), 3);
    assert.ok((s.get('http_request_duration_seconds_sum{method="GET",route="/api/work"}') ?? -1) >= 0);
    assert.equal(s.get('app_info{version="2.0.0"}'), 1);
    assert.equal(s.get('process_start_time_seconds'), svc.stats().startTimeSeconds);
    // The resident set is the real one (same process): same order of magnitude as ours now.
    const rss = s.get('process_resident_memory_bytes') ?? 0;
    const now = process.memoryUsage().rss;
    assert.ok(rss > now / 2 && rss < now * 2, `${rss} vs ${now}`);
    // /metrics itself and the control routes are not recorded.
    assert.equal(svc.stats().recordedRequests, 4);
  });

  it('fails exactly errorRatio of the requests, deterministically', async () => {
    svc.setFault({ mode: 'error500', errorRatio: 0.25 });
    assert.deepEqual(await work(svc, 8), [200, 200, 200, 500, 200, 200, 200, 500]);
    assert.deepEqual([svc.stats().recordedRequests, svc.stats().recordedErrors], [8, 2]);
    assert.equal(samples(await metricsText(svc)).get('http_requests_total{method="GET",route="/api/work",status="500"}'), 2);
  });

  it('takes faults over HTTP and refuses invalid ones with a reason', async () => {
    const set = await rawRequest(`${svc.url}/__fault`, 'POST', JSON.stringify({ mode: 'error500' }));
    assert.equal(set.status, 200);
    assert.equal((await rawRequest(`${svc.url}/health`)).status, 500);
    const bad = await rawRequest(`${svc.url}/__fault`, 'POST', JSON.stringify({ mode: 'explode' }));
    assert.equal(bad.status, 400);
    assert.match(bad.body.toString('utf8'), /mode must be one of none, error500/);
    const badRatio = await rawRequest(`${svc.url}/__fault`, 'POST', JSON.stringify({ mode: 'error500', errorRatio: 2 }));
    assert.equal(badRatio.status, 400);
    assert.deepEqual(JSON.parse((await rawRequest(`${svc.url}/__fault`)).body.toString('utf8')), { mode: 'error500' });
    const stats = JSON.parse((await rawRequest(`${svc.url}/__stats`)).body.toString('utf8')) as { fault: { mode: string } };
    assert.equal(stats.fault.mode, 'error500');
  });

  it('breaks /metrics on malformedMetrics and garbage', async () => {
    svc.setFault({ mode: 'malformedMetrics' });
    const malformed = await metricsText(svc);
    assert.throws(() => samples(malformed), /not a sample line/);
    svc.setFault({ mode: 'garbage' });
    const garbage = await rawRequest(`${svc.url}/metrics`);
    assert.equal(garbage.body.length, 512);
    assert.notEqual(garbage.body.toString('utf8'), (await rawRequest(`${svc.url}/metrics`)).body.toString('utf8'));
  });

  it('resets counters and start time on restart, as a new process would', async () => {
    await work(svc, 2);
    const before = svc.stats().startTimeSeconds;
    await new Promise((resolve) => setTimeout(resolve, 5));
    svc.restart();
    const s = samples(await metricsText(svc));
    assert.equal([...s.keys()].some((k) => k.startsWith('http_requests_total')), false);
    assert.ok((s.get('process_start_time_seconds') ?? 0) > before);
    assert.equal(svc.stats().restarts, 1);
    // The same through the control endpoint: `restart` is an action, then the fault is none.
    await work(svc, 1);
    await rawRequest(`${svc.url}/__fault`, 'POST', JSON.stringify({ mode: 'restart' }));
    assert.deepEqual([svc.stats().recordedRequests, svc.stats().fault.mode, svc.stats().restarts], [0, 'none', 2]);
  });

  it('retains memory under the leak fault until a restart', async () => {
    svc.setFault({ mode: 'leak', leakBytesPerSecond: 20 * 1024 * 1024 });
    await waitUntil('1 MiB leaked', () => svc.stats().leakedBytes >= 1024 * 1024);
    svc.setFault({ mode: 'none' });
    const kept = svc.stats().leakedBytes;
    assert.ok(kept >= 1024 * 1024);
    svc.restart();
    assert.equal(svc.stats().leakedBytes, 0);
  });

  it('destroys hanging sockets on close', async () => {
    svc.setFault({ mode: 'hang' });
    const pending = rawRequest(`${svc.url}/health`);
    await waitUntil('the request hangs', () => svc.stats().hangingRequests === 1);
    await svc.close();
    await assert.rejects(pending, { code: 'ECONNRESET' });
    svc = await startTestService(); // for afterEach
  });
});

describe('test service load generator', () => {
  it('moves the counters by itself at trafficPerSecond', async () => {
    const svc = await startTestService({ trafficPerSecond: 100 });
    try {
      await waitUntil('10 requests recorded', () => svc.stats().recordedRequests >= 10);
      assert.ok(svc.stats().trafficSent >= 10);
      svc.setTrafficPerSecond(0);
    } finally {
      await svc.close();
    }
  });
});

describe('test service as a standalone program', () => {
  const folder = path.resolve(__dirname, '../../support/testService');

  it('needs nothing but Node built-ins and its own folder', () => {
    const builtins = new Set(builtinModules);
    const files = readdirSync(folder).filter((f) => f.endsWith('.js'));
    assert.ok(files.includes('main.js'), files.join(','));
    for (const file of files) {
      const source = readFileSync(path.join(folder, file), 'utf8');
      for (const [, spec] of source.matchAll(/require\("([^"]+)"\)/g)) {
        if (spec === undefined) continue;
        const ok = spec.startsWith('node:') ? builtins.has(spec.slice(5)) : spec.startsWith('./') ? files.includes(`${spec.slice(2)}.js`) : builtins.has(spec);
        assert.ok(ok, `${file} requires ${spec}`);
      }
    }
  });

  it('runs main.js with flags and environment, and exits 0 on SIGTERM', async () => {
    const port = await freeLoopbackPort();
    const child = spawn(process.execPath, [path.join(folder, 'main.js'), '--port', String(port), '--app-version', '3.1.0'], {
      env: { ...process.env, FAULT: 'error500', FAULT_ERROR_RATIO: '0.5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      await waitUntil('it listens', () => out.includes(`listening on http://127.0.0.1:${port}`));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await rawRequest(`http://127.0.0.1:${port}/health`)).status);
      assert.deepEqual(statuses, [200, 500, 200, 500]);
      const text = (await rawRequest(`http://127.0.0.1:${port}/metrics`)).body.toString('utf8');
      assert.match(text, /app_info\{version="3\.1\.0"\} 1/);
      // A keep-alive connection open at SIGTERM does not hold the exit.
      const agent = new http.Agent({ keepAlive: true });
      await new Promise<void>((resolve) => http.get(`http://127.0.0.1:${port}/health`, { agent }, (res) => res.resume().on('end', resolve)));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
      agent.destroy();
    } finally {
      child.kill('SIGKILL');
    }
  });
});
