import * as assert from 'node:assert/strict';
import { HttpClient, HttpTimeoutError } from '../../../src/infra/http';
import { startTestService } from '../../support/testService';
import { tcpHandleCount, waitUntil } from './helpers';

describe('HttpClient resources', () => {
  it('does not grow active handles across many probes and timeouts, and leaves none after close', async () => {
    const baseline = tcpHandleCount();
    const svc = await startTestService();
    const client = new HttpClient();
    try {
      await client.probe(`${svc.url}/health`, { timeoutMs: 2000 });
      await client.scrape(`${svc.url}/metrics`, { timeoutMs: 2000 });
      const warm = process.getActiveResourcesInfo().length;

      for (let i = 0; i < 50; i++) {
        await client.probe(`${svc.url}/health`, { timeoutMs: 2000 });
        await client.scrape(`${svc.url}/metrics`, { timeoutMs: 2000 });
      }
      // Sequential requests reuse one keep-alive connection: nothing new stays open.
      assert.ok(process.getActiveResourcesInfo().length <= warm, process.getActiveResourcesInfo().join(','));

      svc.setFault({ mode: 'hang' });
      for (let i = 0; i < 5; i++) {
        await assert.rejects(client.probe(`${svc.url}/health`, { timeoutMs: 50 }), HttpTimeoutError);
      }
      svc.setFault({ mode: 'none' });
      // Every timed-out socket is destroyed, on both ends: back to the warm state, no deadline timer left.
      await waitUntil('the timed-out sockets are closed', () => svc.stats().hangingRequests === 0 && process.getActiveResourcesInfo().length <= warm);
    } finally {
      await client.close();
      await svc.close();
    }
    await waitUntil('every socket and server is closed', () => tcpHandleCount() <= baseline);
  });
});
