import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, ResponseTooLargeError, SCRAPE_ACCEPT } from '../../../src/infra/http';
import { EXPOSITION_CONTENT_TYPE, startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';

describe('scrapeText against the test service', () => {
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

  it('fetches the exposition with its content type, asking for text 0.0.4 like Prometheus', async () => {
    const result = await client.scrape(`${svc.url}/metrics`, { timeoutMs: 2000 });
    assert.equal(result.status, 200);
    assert.equal(result.contentType, EXPOSITION_CONTENT_TYPE);
    assert.match(result.text, /^# HELP http_requests_total /);
    assert.match(result.text, /\nprocess_resident_memory_bytes \d+\n/);
    const headers = svc.stats().lastRequest?.headers;
    assert.equal(headers?.accept, SCRAPE_ACCEPT);
    assert.equal(headers?.['x-prometheus-scrape-timeout-seconds'], '2');
  });

  it('refuses a body over maxBytes from its content-length', async () => {
    await assert.rejects(client.scrape(`${svc.url}/metrics`, { timeoutMs: 2000, maxBytes: 100 }), (error: unknown) => {
      assert.ok(error instanceof ResponseTooLargeError, String(error));
      assert.equal(error.maxBytes, 100);
      assert.ok((error.declaredBytes ?? 0) > 100);
      assert.match(error.message, /over the 100-byte limit/);
      return true;
    });
    // The client stays usable after the refusal.
    assert.equal((await client.scrape(`${svc.url}/metrics`, { timeoutMs: 2000 })).status, 200);
  });

  it('returns a non-2xx scrape as a result', async () => {
    const result = await client.scrape(`${svc.url}/nope`, { timeoutMs: 2000 });
    assert.equal(result.status, 404);
  });

  it('times a hanging /metrics out', async () => {
    svc.setFault({ mode: 'hang' });
    await assert.rejects(client.scrape(`${svc.url}/metrics`, { timeoutMs: 200 }), { name: 'TimeoutError', code: 'ETIMEDOUT' });
  });
});

describe('scrapeText with a chunked body (no content-length)', () => {
  let server: http.Server;
  let url: string;
  let client: HttpClient;

  before(async () => {
    // 200 chunks of 1 KiB, streamed without a content-length.
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 200; i++) res.write(`${'x'.repeat(1023)}\n`);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    client = new HttpClient();
  });

  after(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('counts bytes while reading and refuses past the limit', async () => {
    await assert.rejects(client.scrape(url, { timeoutMs: 2000, maxBytes: 50 * 1024 }), (error: unknown) => {
      assert.ok(error instanceof ResponseTooLargeError, String(error));
      assert.equal(error.declaredBytes, undefined);
      return true;
    });
  });

  it('accepts the same body under a larger limit', async () => {
    const result = await client.scrape(url, { timeoutMs: 2000, maxBytes: 200 * 1024 });
    assert.equal(result.text.length, 200 * 1024);
  });
});
