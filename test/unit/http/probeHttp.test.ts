import * as assert from 'node:assert/strict';
import { HttpClient, HttpTimeoutError, probeHttp } from '../../../src/infra/http';
import { startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';
import { freeLoopbackPort } from '../../support/prometheus';
import { waitUntil } from './helpers';

const HEALTH_BODY = JSON.stringify({ status: 'ok', version: '1.0.0' });

describe('probeHttp against the test service', () => {
  let svc: TestService;
  let client: HttpClient;

  beforeEach(async () => {
    svc = await startTestService();
    client = new HttpClient();
  });

  afterEach(async () => {
    await client.close();
    await svc.close();
  });

  it('returns status, headers, body and a latency for a healthy target, sending our headers', async () => {
    const result = await client.probe(`${svc.url}/health`, { timeoutMs: 2000, headers: { 'x-probe': 'deploy-pilot' } });
    assert.equal(result.status, 200);
    assert.equal(result.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(result.body), { status: 'ok', version: '1.0.0' });
    assert.equal(result.truncated, false);
    assert.ok(Number.isFinite(result.latencyMs) && result.latencyMs > 0, String(result.latencyMs));
    assert.equal(svc.stats().lastRequest?.headers['x-probe'], 'deploy-pilot');
  });

  it('returns a 500 as a result, not an error', async () => {
    svc.setFault({ mode: 'error500' });
    const result = await client.probe(`${svc.url}/health`, { timeoutMs: 2000 });
    assert.equal(result.status, 500);
    assert.match(result.body, /injected fault/);
  });

  it('times a hanging target out at the configured timeout, and the server sees the socket closed', async () => {
    svc.setFault({ mode: 'hang' });
    const probe = client.probe(`${svc.url}/health`, { timeoutMs: 300 });
    await waitUntil('the request hangs on the server', () => svc.stats().hangingRequests === 1);
    await assert.rejects(probe, (error: unknown) => {
      assert.ok(error instanceof HttpTimeoutError, String(error));
      assert.equal(error.name, 'TimeoutError');
      assert.equal(error.code, 'ETIMEDOUT');
      assert.equal(error.timeoutMs, 300);
      return true;
    });
    // The hung connection is destroyed (undici 6 then opens one idle replacement, which the next request reuses).
    await waitUntil('the server sees the hung connection closed', () => svc.stats().hangingRequests === 0 && svc.stats().closedConnections === 1);
    assert.ok(svc.stats().openConnections <= 1);
  });

  it('waits for a slow target within the timeout, and times it out beyond', async () => {
    svc.setFault({ mode: 'slow', delayMs: 150 });
    const slow = await client.probe(`${svc.url}/health`, { timeoutMs: 3000 });
    assert.equal(slow.status, 200);
    // A lower bound only: the latency includes the server's delay (timers may fire ~1 ms early).
    assert.ok(slow.latencyMs >= 145, String(slow.latencyMs));

    svc.setFault({ mode: 'slow', delayMs: 2000 });
    await assert.rejects(client.probe(`${svc.url}/health`, { timeoutMs: 100 }), { name: 'TimeoutError', code: 'ETIMEDOUT' });
  });

  it('returns a garbage body as it is (judging it is the health model\'s job)', async () => {
    svc.setFault({ mode: 'garbage' });
    const result = await client.probe(`${svc.url}/health`, { timeoutMs: 2000 });
    assert.equal(result.status, 200);
    assert.match(result.headers['content-type'] ?? '', /text\/html/);
    assert.throws(() => JSON.parse(result.body) as unknown, SyntaxError);
  });

  it('rejects with ECONNREFUSED on a port nobody listens on', async () => {
    const port = await freeLoopbackPort();
    await assert.rejects(client.probe(`http://127.0.0.1:${port}/health`, { timeoutMs: 2000 }), { code: 'ECONNREFUSED' });
  });

  it('truncates the body at maxBodyBytes, exactly at the boundary', async () => {
    const exact = await client.probe(`${svc.url}/health`, { timeoutMs: 2000, maxBodyBytes: HEALTH_BODY.length });
    assert.deepEqual([exact.body, exact.truncated], [HEALTH_BODY, false]);
    const cut = await client.probe(`${svc.url}/health`, { timeoutMs: 2000, maxBodyBytes: HEALTH_BODY.length - 1 });
    assert.deepEqual([cut.body, cut.truncated], [HEALTH_BODY.slice(0, -1), true]);
    const metrics = await client.probe(`${svc.url}/metrics`, { timeoutMs: 2000, maxBodyBytes: 100 });
    assert.equal(Buffer.byteLength(metrics.body), 100);
    assert.ok(metrics.truncated);
    // The connection whose body was cut is not reused half-read: the next probe is whole.
    const after = await client.probe(`${svc.url}/health`, { timeoutMs: 2000 });
    assert.equal(after.body, HEALTH_BODY);
  });

  it('keeps the default body limit at 64 KiB', async () => {
    // /metrics is far under 64 KiB: kept whole.
    const result = await client.probe(`${svc.url}/metrics`, { timeoutMs: 2000 });
    assert.equal(result.truncated, false);
    assert.match(result.body, /app_info\{version="1\.0\.0"\} 1\n$/);
  });

  it('rejects with the caller\'s abort reason, not a timeout, when the caller aborts', async () => {
    svc.setFault({ mode: 'hang' });
    const controller = new AbortController();
    const probe = client.probe(`${svc.url}/health`, { timeoutMs: 5000, signal: controller.signal });
    await waitUntil('the request hangs on the server', () => svc.stats().hangingRequests === 1);
    controller.abort();
    await assert.rejects(probe, { name: 'AbortError' });
  });

  it('works without a client (undici\'s global dispatcher) and rejects a non-positive timeout', async () => {
    const result = await probeHttp(`${svc.url}/health`, { timeoutMs: 2000 });
    assert.equal(result.status, 200);
    await assert.rejects(probeHttp(`${svc.url}/health`, { timeoutMs: 0 }), RangeError);
  });

  it('fails every request once the client is closed, in flight or new', async () => {
    svc.setFault({ mode: 'hang' });
    const inFlight = client.probe(`${svc.url}/health`, { timeoutMs: 5000 });
    await waitUntil('the request hangs on the server', () => svc.stats().hangingRequests === 1);
    await client.close();
    assert.ok(client.closed);
    await assert.rejects(inFlight, { name: 'ClientDestroyedError' });
    await assert.rejects(client.probe(`${svc.url}/health`, { timeoutMs: 1000 }), { name: 'ClientDestroyedError' });
    await waitUntil('the server sees the connection closed', () => svc.stats().openConnections === 0);
  });
});
