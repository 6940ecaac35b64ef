import * as assert from 'node:assert/strict';
import type { HealthState } from '../../../src/core/health';
import { INITIAL_HEALTH_STATE, effectiveTimeout, nextProbeDelay, reduceHealth } from '../../../src/core/health';

/** The delays after each of `failures` failed probes in a row (after one success). */
function delaysWhileFailing(intervalSeconds: number, retries: number, failures: number): number[] {
  const config = { intervalSeconds, retries };
  let state: HealthState = reduceHealth(INITIAL_HEALTH_STATE, { ok: true, at: 0, latencyMs: 5 }, config).state;
  const delays: number[] = [];
  for (let i = 1; i <= failures; i++) {
    state = reduceHealth(state, { ok: false, at: i, kind: 'timeout', message: 'timed out' }, config).state;
    delays.push(nextProbeDelay(state, config) / 1000);
  }
  return delays;
}

describe('probe scheduling', () => {
  describe('nextProbeDelay', () => {
    it('is the interval while UNKNOWN or UP', () => {
      assert.equal(nextProbeDelay(INITIAL_HEALTH_STATE, { intervalSeconds: 30, retries: 0 }), 30_000);
      const up = reduceHealth(INITIAL_HEALTH_STATE, { ok: true, at: 0, latencyMs: 5 }, { retries: 0 }).state;
      assert.equal(nextProbeDelay(up, { intervalSeconds: 30, retries: 0 }), 30_000);
    });

    it('doubles per DOWN probe up to 5 min (60 s interval)', () => {
      assert.deepEqual(delaysWhileFailing(60, 0, 7), [60, 120, 240, 300, 300, 300, 300]);
    });

    it('keeps the interval while PENDING and backs off from the first DOWN probe', () => {
      // retries 2: PENDING, PENDING, then DOWN probes.
      assert.deepEqual(delaysWhileFailing(60, 2, 6), [60, 60, 60, 120, 240, 300]);
    });

    it('backs off from a short interval to the 5 min cap', () => {
      assert.deepEqual(delaysWhileFailing(10, 0, 8), [10, 20, 40, 80, 160, 300, 300, 300]);
    });

    it('never goes below an interval longer than the cap', () => {
      assert.deepEqual(delaysWhileFailing(600, 0, 3), [600, 600, 600]);
    });

    it('returns to the interval after recovery', () => {
      const config = { intervalSeconds: 60, retries: 0 };
      let state = reduceHealth(INITIAL_HEALTH_STATE, { ok: false, at: 0, kind: 'dns', message: 'x' }, config).state;
      state = reduceHealth(state, { ok: false, at: 1, kind: 'dns', message: 'x' }, config).state;
      assert.equal(nextProbeDelay(state, config), 120_000);
      state = reduceHealth(state, { ok: true, at: 2, latencyMs: 5 }, config).state;
      assert.equal(nextProbeDelay(state, config), 60_000);
    });

    it('stays finite after a very long outage', () => {
      const state: HealthState = { status: 'DOWN', consecutiveFailures: 5000, consecutiveSuccesses: 0 };
      assert.equal(nextProbeDelay(state, { intervalSeconds: 60, retries: 0 }), 300_000);
    });
  });

  describe('effectiveTimeout', () => {
    it('keeps a timeout within 80 % of the interval', () => {
      assert.equal(effectiveTimeout({ intervalSeconds: 60, timeoutSeconds: 10 }), 10_000);
      assert.equal(effectiveTimeout({ intervalSeconds: 60, timeoutSeconds: 48 }), 48_000);
    });

    it('caps a longer one at 80 % of the interval', () => {
      assert.equal(effectiveTimeout({ intervalSeconds: 60, timeoutSeconds: 59 }), 48_000);
      assert.equal(effectiveTimeout({ intervalSeconds: 10, timeoutSeconds: 30 }), 8000);
      // Rounded down to 0.1 s, as Uptime Kuma does: 80 % of 7 s is 5.6 s.
      assert.equal(effectiveTimeout({ intervalSeconds: 7, timeoutSeconds: 100 }), 5600);
      assert.equal(effectiveTimeout({ intervalSeconds: 1.3, timeoutSeconds: 100 }), 1000);
    });

    it('uses the cap for a zero, negative or missing timeout', () => {
      assert.equal(effectiveTimeout({ intervalSeconds: 20, timeoutSeconds: 0 }), 16_000);
      assert.equal(effectiveTimeout({ intervalSeconds: 20, timeoutSeconds: -1 }), 16_000);
      assert.equal(effectiveTimeout({ intervalSeconds: 20, timeoutSeconds: Number.NaN }), 16_000);
    });
  });
});
