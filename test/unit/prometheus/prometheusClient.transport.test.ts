import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { HttpTimeoutError } from '../../../src/infra/http';
import { PrometheusClient, PrometheusResponseError } from '../../../src/infra/prometheus';
import { startTestService } from '../../support/testService';
import { waitUntil } from '../http/helpers';

describe('PrometheusClient transport failures', () => {
  it('times out at timeoutMs against a server that accepts and never answers, closing the socket', async () => {
    let open = 0;
    let closed = 0;
    const server = net.createServer((socket) => {
      open += 1;
      socket.resume(); // read (and drop) the request, so that the client's FIN is seen
      socket.on('close', () => (closed += 1));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new PrometheusClient({ url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, timeoutMs: 200 });
    try {
      await assert.rejects(client.query('up'), (error: unknown) => {
        assert.ok(error instanceof HttpTimeoutError, String(error));
        assert.equal(error.timeoutMs, 200);
        return true;
      });
      await waitUntil('the server sees the socket closed', () => open >= 1 && closed >= 1);
      // A per-query timeout wins over the client's.
      await assert.rejects(client.query('up', { timeoutMs: 50 }), (error: unknown) => error instanceof HttpTimeoutError && error.timeoutMs === 50);
    } finally {
      await client.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses an answer that is not a Prometheus API envelope', async () => {
    const svc = await startTestService();
    const client = new PrometheusClient({ url: svc.url, timeoutMs: 2000 });
    try {
      // The test service has no /api/v1/query: it answers 404 with its own JSON.
      await assert.rejects(client.query('up'), (error: unknown) => {
        assert.ok(error instanceof PrometheusResponseError, String(error));
        assert.equal(error.httpStatus, 404);
        assert.match(error.message, /not a Prometheus API response/);
        return true;
      });
      assert.equal(svc.stats().receivedRequests, 1, 'one request, no retry');
    } finally {
      await client.close();
      await svc.close();
    }
  });

  it('posts a form under the base URL\'s path prefix, with the query, time and Prometheus\'s own timeout', async () => {
    const seen: Array<{ method: string; url: string; contentType: string; body: string }> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' });
        const resultType = req.url?.includes('query_range') ? 'matrix' : 'vector';
        res.end(`{"status":"success","data":{"resultType":"${resultType}","result":[]}}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/prometheus`;
    const post = new PrometheusClient({ url: base, timeoutMs: 1500 });
    const get = new PrometheusClient({ url: `${base}/`, timeoutMs: 1500, method: 'GET' });
    try {
      await post.query('sum(up)', { time: new Date(1_700_000_000_500) });
      await get.queryRange('up', 100, 200, 15);
      assert.deepEqual(seen, [
        {
          method: 'POST',
          url: '/prometheus/api/v1/query',
          contentType: 'application/x-www-form-urlencoded',
          body: 'query=sum%28up%29&time=1700000000.5&timeout=1.5',
        },
        { method: 'GET', url: '/prometheus/api/v1/query_range?query=up&start=100&end=200&step=15&timeout=1.5', contentType: '', body: '' },
      ]);
    } finally {
      await post.close();
      await get.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
