import * as assert from 'node:assert/strict';
import type { HealthCheckConfig } from '../../../src/core/config';
import type { ProbeResult } from '../../../src/core/health';
import type { Clock } from '../../../src/core/monitoring';
import { HttpClient } from '../../../src/infra/http';
import { HttpHealthProbe } from '../../../src/infra/monitoring/healthProbe';
import { freeLoopbackPort } from '../../support/prometheus';
import { startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';
import { findOpenssl, makeSelfSignedCertificate, startHttpsServer } from '../../support/tls';

const AT = Date.UTC(2026, 10, 28, 14, 0, 0);
/** A clock that does not move: every probe result carries exactly this time. */
const clock: Clock = { now: () => AT };

function healthConfig(overrides: Partial<HealthCheckConfig> = {}): HealthCheckConfig {
  return { intervalSeconds: 2, timeoutSeconds: 1.6, retries: 0, acceptedStatus: [{ min: 200, max: 299 }], headers: {}, ...overrides };
}

const noSecrets = (): Promise<string | undefined> => Promise.resolve(undefined);

function failure(result: ProbeResult): Extract<ProbeResult, { ok: false }> {
  if (result.ok) assert.fail(`expected a failed probe, got ${JSON.stringify(result)}`);
  return result;
}

describe('HttpHealthProbe against real servers on 127.0.0.1', function () {
  this.timeout(10_000);
  let svc: TestService;
  let http: HttpClient;

  beforeEach(async () => {
    svc = await startTestService({ version: '3.1.4' });
    http = new HttpClient();
  });

  afterEach(async () => {
    await http.close();
    await svc.close();
  });

  const probe = (config: HealthCheckConfig, url = `${svc.url}/health`, resolveSecret: (name: string) => Promise<string | undefined> = noSecrets): Promise<ProbeResult> =>
    new HttpHealthProbe(url, config, http, resolveSecret, clock).probe(new AbortController().signal);

  it('a healthy service: ok with the status, a measured latency and the clock time', async () => {
    const result = await probe(healthConfig());
    assert.equal(result.ok, true);
    assert.equal(result.status, 200);
    assert.equal(result.at, AT);
    assert.ok(result.ok && Number.isFinite(result.latencyMs) && result.latencyMs >= 0, `latency ${JSON.stringify(result)}`);
    assert.equal(svc.stats().lastRequest?.url, '/health');
  });

  it('HTTP 500: kind status, with the status and the accepted range in the message', async () => {
    svc.setFault({ mode: 'error500' });
    const result = failure(await probe(healthConfig()));
    assert.equal(result.kind, 'status');
    assert.equal(result.status, 500);
    assert.equal(result.message, 'status 500 is not accepted (200-299)');
    assert.equal(result.at, AT);
  });

  it('a 500 passes when the check accepts it', async () => {
    svc.setFault({ mode: 'error500' });
    const result = await probe(healthConfig({ acceptedStatus: [{ min: 200, max: 299 }, { min: 500, max: 500 }] }));
    assert.equal(result.ok, true);
    assert.equal(result.status, 500);
  });

  it('a hanging service: kind timeout at the effective timeout (capped at 80 % of the interval)', async () => {
    svc.setFault({ mode: 'hang' });
    // 5 s written, 0.5 s interval: Uptime Kuma's cap makes it 0.4 s.
    const capped = failure(await probe(healthConfig({ intervalSeconds: 0.5, timeoutSeconds: 5 })));
    assert.equal(capped.kind, 'timeout');
    assert.equal(capped.message, 'timed out after 400 ms without a complete response');
    // Under the cap the written timeout applies.
    const written = failure(await probe(healthConfig({ intervalSeconds: 1, timeoutSeconds: 0.25 })));
    assert.equal(written.kind, 'timeout');
    assert.equal(written.message, 'timed out after 250 ms without a complete response');
  });

  it('an HTML page where JSON is expected: kind json, quoting the start of the body', async () => {
    svc.setFault({ mode: 'garbage' });
    const result = failure(await probe(healthConfig({ json: { path: '$.status', expected: 'ok' } })));
    assert.equal(result.kind, 'json');
    assert.equal(result.status, 200);
    assert.equal(result.message, 'body is not JSON: "<!doctype html><title>502</title><p>upstream says hi"');
  });

  it('a JSON check passes on the right value and fails on a wrong one', async () => {
    assert.equal((await probe(healthConfig({ json: { path: 'version', expected: '3.1.4' } }))).ok, true);
    const wrong = failure(await probe(healthConfig({ json: { path: 'status', expected: 'healthy' } })));
    assert.equal(wrong.kind, 'json');
    assert.equal(wrong.message, 'JSON path status is "ok", expected "healthy"');
  });

  it('a keyword check: passes when the body has it, fails with kind keyword when not', async () => {
    assert.equal((await probe(healthConfig({ keyword: '"status":"ok"' }))).ok, true);
    svc.setFault({ mode: 'garbage' });
    const result = failure(await probe(healthConfig({ keyword: '"status":"ok"' })));
    assert.equal(result.kind, 'keyword');
    assert.match(result.message, /^keyword "\\"status\\":\\"ok\\"" not found in body "<!doctype html>/);
  });

  it('a closed port: kind refused, naming the address', async () => {
    const port = await freeLoopbackPort();
    const result = failure(await probe(healthConfig(), `http://127.0.0.1:${port}/health`));
    assert.equal(result.kind, 'refused');
    assert.equal(result.message, `connection refused by 127.0.0.1:${port}: ECONNREFUSED`);
    assert.equal(result.status, undefined);
  });

  it('a self-signed certificate: kind tls, naming the certificate problem; nothing reaches the server', async function () {
    if (!findOpenssl()) {
      console.warn('    skipped: openssl is not on PATH (needed to make a certificate at test time)');
      this.skip();
    }
    const server = await startHttpsServer(await makeSelfSignedCertificate());
    try {
      const result = failure(await probe(healthConfig(), `${server.url}/health`));
      assert.equal(result.kind, 'tls');
      assert.match(result.message, /^TLS error: self[- ]signed certificate/);
      assert.match(result.message, /DEPTH_ZERO_SELF_SIGNED_CERT/);
      assert.equal(server.requests, 0);
    } finally {
      await server.close();
    }
  });

  it('a ${secret:…} header: the resolved value reaches the server, looked up at each probe', async () => {
    const store = new Map([['API_KEY', 'k-123']]);
    const resolveSecret = (name: string): Promise<string | undefined> => Promise.resolve(store.get(name));
    const config = healthConfig({ headers: { 'X-API-Key': '${secret:API_KEY}', Authorization: 'Bearer ${secret:API_KEY}' } });
    assert.equal((await probe(config, undefined, resolveSecret)).ok, true);
    assert.equal(svc.stats().lastRequest?.headers['x-api-key'], 'k-123');
    assert.equal(svc.stats().lastRequest?.headers['authorization'], 'Bearer k-123');
    store.set('API_KEY', 'k-456');
    assert.equal((await probe(config, undefined, resolveSecret)).ok, true);
    assert.equal(svc.stats().lastRequest?.headers['x-api-key'], 'k-456');
  });

  it('a missing secret fails the probe with a message naming it, and sends nothing', async () => {
    const asked: string[] = [];
    const resolveSecret = (name: string): Promise<string | undefined> => {
      asked.push(name);
      return Promise.resolve(undefined);
    };
    const before = svc.stats().receivedRequests;
    const result = failure(await probe(healthConfig({ headers: { 'X-API-Key': '${secret:API_KEY}' } }), undefined, resolveSecret));
    assert.deepEqual(asked, ['API_KEY']);
    assert.match(result.message, /\bAPI_KEY\b/);
    assert.match(result.message, /X-API-Key/);
    assert.equal(result.at, AT);
    assert.equal(svc.stats().receivedRequests, before);
    assert.equal(svc.stats().openConnections, 0);
  });
});
