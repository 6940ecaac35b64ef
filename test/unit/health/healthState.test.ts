import * as assert from 'node:assert/strict';
import type { HealthState, HealthStatus, ProbeResult } from '../../../src/core/health';
import { INITIAL_HEALTH_STATE, notifiesChange, reduceHealth } from '../../../src/core/health';

const T0 = Date.UTC(2025, 0, 15, 14, 0, 0);
const STEP = 60_000;

type Beat = 'ok' | 'fail';

interface Step {
  status: HealthStatus;
  change?: string;
}

/** Runs beats one a minute from T0; each step shows the status and, on a change, "FROM→TO" plus "!" when it notifies. */
function run(beats: readonly Beat[], retries: number, start: HealthState = INITIAL_HEALTH_STATE): { steps: Step[]; state: HealthState } {
  let state = start;
  const steps: Step[] = [];
  beats.forEach((beat, i) => {
    const at = T0 + i * STEP;
    const result: ProbeResult =
      beat === 'ok' ? { ok: true, at, latencyMs: 10 + i } : { ok: false, at, kind: 'refused', message: `connection refused #${i}` };
    const update = reduceHealth(state, result, { retries });
    state = update.state;
    steps.push(update.change ? { status: state.status, change: `${update.change.from}→${update.change.to}${update.change.notify ? '!' : ''}` } : { status: state.status });
  });
  return { steps, state };
}

function changes(beats: readonly Beat[], retries: number): string[] {
  return run(beats, retries).steps.flatMap((s) => (s.change ? [s.change] : []));
}

describe('reduceHealth (Uptime Kuma monitor states)', () => {
  it('starts UNKNOWN', () => {
    assert.equal(INITIAL_HEALTH_STATE.status, 'UNKNOWN');
  });

  it('goes UP on a first success without notifying', () => {
    assert.deepEqual(changes(['ok', 'ok'], 0), ['UNKNOWN→UP']);
  });

  it('notifies a target that is DOWN from the first probe', () => {
    assert.deepEqual(changes(['fail', 'fail'], 0), ['UNKNOWN→DOWN!']);
  });

  it('with 0 retries: the first failure is DOWN (notify), recovery is UP (notify)', () => {
    assert.deepEqual(changes(['ok', 'fail', 'fail', 'ok'], 0), ['UNKNOWN→UP', 'UP→DOWN!', 'DOWN→UP!']);
  });

  it('with 2 retries: two failures are PENDING (silent), the third is DOWN (notify)', () => {
    const { steps } = run(['ok', 'fail', 'fail', 'fail', 'fail', 'ok'], 2);
    assert.deepEqual(steps, [
      { status: 'UP', change: 'UNKNOWN→UP' },
      { status: 'PENDING', change: 'UP→PENDING' },
      { status: 'PENDING' },
      { status: 'DOWN', change: 'PENDING→DOWN!' },
      { status: 'DOWN' },
      { status: 'UP', change: 'DOWN→UP!' },
    ]);
  });

  it('a blip that retries absorb never notifies (UP→PENDING→UP)', () => {
    assert.deepEqual(changes(['ok', 'fail', 'ok', 'fail', 'fail', 'ok'], 2), ['UNKNOWN→UP', 'UP→PENDING', 'PENDING→UP', 'UP→PENDING', 'PENDING→UP']);
  });

  it('counts retries from the last success', () => {
    // fail, ok, fail, fail: the last two are the 1st and 2nd failures in a row: PENDING with 2 retries.
    assert.equal(run(['ok', 'fail', 'ok', 'fail', 'fail'], 2).state.status, 'PENDING');
    assert.equal(run(['ok', 'fail', 'ok', 'fail', 'fail', 'fail'], 2).state.status, 'DOWN');
  });

  it('is PENDING from the start when failing with retries left', () => {
    assert.deepEqual(changes(['fail', 'fail'], 1), ['UNKNOWN→PENDING', 'PENDING→DOWN!']);
  });

  it('tracks consecutive counts, latency, the last error and since', () => {
    const { state } = run(['ok', 'ok', 'fail', 'fail', 'ok', 'ok', 'ok'], 1);
    assert.equal(state.status, 'UP');
    assert.equal(state.consecutiveSuccesses, 3);
    assert.equal(state.consecutiveFailures, 0);
    assert.equal(state.since, T0 + 4 * STEP);
    assert.equal(state.lastCheckedAt, T0 + 6 * STEP);
    assert.equal(state.lastLatencyMs, 16);
    // The last failure is remembered after recovery.
    assert.deepEqual(state.lastError, { at: T0 + 3 * STEP, kind: 'refused', message: 'connection refused #3' });

    const down = run(['ok', 'fail', 'fail', 'fail'], 0).state;
    assert.equal(down.consecutiveFailures, 3);
    assert.equal(down.consecutiveSuccesses, 0);
    assert.equal(down.since, T0 + STEP);
  });

  it('notifiesChange is exactly the notifying transitions', () => {
    const all: HealthStatus[] = ['UNKNOWN', 'UP', 'PENDING', 'DOWN'];
    const notifying = all.flatMap((from) => all.filter((to) => notifiesChange(from, to)).map((to) => `${from}→${to}`));
    assert.deepEqual(notifying, ['UNKNOWN→DOWN', 'UP→DOWN', 'PENDING→DOWN', 'DOWN→UP']);
  });
});
