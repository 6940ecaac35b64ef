import * as assert from 'node:assert/strict';
import { formatDuration, formatRollbackResult, reduceVerification, resultFromVerification, startVerification } from '../../../src/core/rollback';

describe('formatRollbackResult', () => {
  it('healthy', () => {
    const f = formatRollbackResult({ outcome: 'healthy', environment: 'staging', from: 'v2.0.0', to: 'v1.0.0', healthyChecks: 3, timeToHealthyMs: 4200 });
    assert.equal(f.severity, 'info');
    assert.equal(f.message, 'Rolled back staging from v2.0.0 to v1.0.0 and it is healthy (3 healthy checks in 4.2 s)');
    assert.ok(f.nextSteps.length > 0);
  });

  it('unhealthy, with what was missing', () => {
    const f = formatRollbackResult({ outcome: 'unhealthy', environment: 'staging', from: 'v2.0.0', to: 'v1.0.0', timeoutSeconds: 120, missing: ['2 of 3 healthy probes', 'HighErrorRate still firing'] });
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Rolled back staging from v2.0.0 to v1.0.0 but it is not healthy after 120 s: 2 of 3 healthy probes; HighErrorRate still firing');
  });

  it('failed at a command, with its exit code or status', () => {
    const f = formatRollbackResult({ outcome: 'failed', environment: 'staging', from: 'v2.0.0', to: 'v1.0.0', commandIndex: 2, commandText: 'docker-compose -f c.yml \\\n  up -d', exitCode: 1 });
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'Rollback of staging from v2.0.0 to v1.0.0 failed at command 2 (`docker-compose -f c.yml`, exit 1)');
    assert.match(f.nextSteps.join(' '), /retry from command 2/);
    const interrupted = formatRollbackResult({ outcome: 'failed', environment: 'staging', from: 'a', to: 'b', commandIndex: 1, commandText: 'x', status: 'interrupted' });
    assert.match(interrupted.message, /\(`x`, interrupted\)$/);
  });

  it('formats durations', () => {
    assert.deepEqual([850, 4200, 69_200, 125_000].map(formatDuration), ['850 ms', '4.2 s', '1 min 9 s', '2 min 5 s']);
  });

  it('builds a result from a finished verification, and none while verifying', () => {
    const start = startVerification({ target: 'v1', startedAt: 0, config: { consecutiveHealthy: 1 }, checkContainers: false });
    assert.equal(resultFromVerification(start, { environment: 'staging', from: 'v2' }), undefined);
    const done = reduceVerification(start, { type: 'probe', at: 1500, ok: true });
    assert.deepEqual(resultFromVerification(done, { environment: 'staging', from: 'v2' }), { outcome: 'healthy', environment: 'staging', from: 'v2', to: 'v1', healthyChecks: 1, timeToHealthyMs: 1500 });
  });
});
