import * as assert from 'node:assert/strict';
import { reduceVerification, startVerification } from '../../../src/core/rollback';
import type { VerificationInput, VerificationState } from '../../../src/core/rollback';

const T0 = Date.UTC(2026, 0, 1, 14, 3, 0);

function run(state: VerificationState, inputs: readonly VerificationInput[]): VerificationState {
  return inputs.reduce(reduceVerification, state);
}

const V1 = [{ name: 'web', image: 'app:v1' }];

describe('rollback verification', () => {
  it('is healthy after N consecutive healthy probes, no alert firing and the target image running', () => {
    const end = run(startVerification({ target: 'v1', startedAt: T0, alertFiredAt: T0 - 65_000 }), [
      { type: 'containers', at: T0 + 500, containers: V1 },
      { type: 'alerts', at: T0 + 600, firing: [] },
      { type: 'probe', at: T0 + 1000, ok: true },
      { type: 'probe', at: T0 + 2000, ok: false },
      { type: 'probe', at: T0 + 3000, ok: true },
      { type: 'probe', at: T0 + 4000, ok: true },
      { type: 'probe', at: T0 + 4200, ok: true },
      { type: 'probe', at: T0 + 5000, ok: false },
    ]);
    assert.equal(end.outcome, 'healthy');
    assert.equal(end.timeToHealthyMs, 4200);
    assert.equal(end.timeFromAlertMs, 69_200);
    assert.equal(end.consecutiveHealthy, 3, 'no change once ended');
  });

  it('is not healthy while an alert fires or a container runs another tag', () => {
    const probes: VerificationInput[] = [1, 2, 3].map((s) => ({ type: 'probe', at: T0 + s * 1000, ok: true }));
    const firing = run(startVerification({ target: 'v1', startedAt: T0 }), [{ type: 'containers', at: T0, containers: V1 }, { type: 'alerts', at: T0, firing: ['HighErrorRate'] }, ...probes]);
    assert.equal(firing.outcome, 'verifying');
    const cleared = reduceVerification(firing, { type: 'alerts', at: T0 + 3500, firing: [] });
    assert.equal(cleared.outcome, 'healthy');
    assert.equal(cleared.timeToHealthyMs, 3500);
    const wrongImage = run(startVerification({ target: 'v1', startedAt: T0 }), [{ type: 'containers', at: T0, containers: [{ name: 'web', image: 'app:v2' }] }, ...probes]);
    assert.equal(wrongImage.outcome, 'verifying');
  });

  it('is unhealthy at the timeout (5 min by default), saying what was missing', () => {
    const end = run(startVerification({ target: 'v1', startedAt: T0 }), [
      { type: 'containers', at: T0, containers: [{ name: 'web', image: 'app:v2' }, { name: 'worker', image: 'app:v1' }] },
      { type: 'alerts', at: T0, firing: ['HighErrorRate'] },
      { type: 'probe', at: T0 + 1000, ok: true },
      { type: 'probe', at: T0 + 2000, ok: true },
      { type: 'tick', at: T0 + 299_999 },
      { type: 'tick', at: T0 + 300_001 },
    ]);
    assert.equal(end.outcome, 'unhealthy');
    assert.equal(end.endedAt, T0 + 300_000);
    assert.deepEqual(end.missing, ['2 of 3 healthy probes', 'HighErrorRate still firing', 'web runs app:v2 not app:v1']);
  });

  it('uses the configured count and timeout; an observation at the deadline still counts', () => {
    const start = startVerification({ target: 'v1', startedAt: T0, config: { consecutiveHealthy: 1, timeoutSeconds: 10 }, checkContainers: false });
    assert.equal(reduceVerification(start, { type: 'probe', at: T0 + 10_000, ok: true }).outcome, 'healthy');
    const late = reduceVerification(start, { type: 'probe', at: T0 + 10_001, ok: true });
    assert.equal(late.outcome, 'unhealthy');
    assert.deepEqual(late.missing, ['0 of 1 healthy probes (no probe answered)']);
  });

  it('requires container state when containers are checked', () => {
    const probes: VerificationInput[] = [1, 2, 3].map((s) => ({ type: 'probe', at: T0 + s, ok: true }));
    const unseen = run(startVerification({ target: 'v1', startedAt: T0 }), [...probes, { type: 'tick', at: T0 + 300_001 }]);
    assert.deepEqual(unseen.missing, ['no container state seen']);
    const none = run(startVerification({ target: 'app:v1', startedAt: T0 }), [{ type: 'containers', at: T0, containers: [] }, ...probes, { type: 'tick', at: T0 + 300_001 }]);
    assert.deepEqual(none.missing, ['no container running']);
  });
});
