import * as assert from 'node:assert/strict';
import type { AlertRule } from '../../../src/core/alerts';
import { parseChecklistCriterion } from '../../../src/core/alerts';
import type { CriterionOptions, CriterionVerification, Measurement } from '../../../src/core/alerts/evaluate';
import { CriterionVerifier, INITIAL_CRITERION_PROGRESS, verifyCriterion } from '../../../src/core/alerts/evaluate';

function criterion(text: string): AlertRule {
  const rule = parseChecklistCriterion(text);
  assert.ok(rule, `"${text}" is not measurable`);
  return rule;
}

const T0 = Date.UTC(2025, 0, 15, 13, 3, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const FIRST_HOUR: CriterionOptions = { windowSeconds: 3600 };
const value = (v: number): Measurement => ({ value: v });

/** Records `count` measurements every `step` ms from `start`; returns the last verification. */
function feed(verifier: CriterionVerifier, count: number, step: number, start: number, measure: (i: number) => Measurement): CriterionVerification {
  let last = verifier.status();
  for (let i = 0; i < count; i++) last = verifier.record(measure(i), start + i * step);
  return last;
}

describe('CriterionVerifier', () => {
  const errorRate = criterion('Error rate < 0.5%');

  it('is unverified before any measurement', () => {
    const verifier = new CriterionVerifier(errorRate, FIRST_HOUR);
    assert.deepEqual(verifier.status(), { state: 'unverified', since: undefined, samples: 0, verifiedAt: undefined, text: 'not measured yet' });
  });

  it('verifies an item that held at every evaluation for the whole window (one sample a second)', () => {
    const verifier = new CriterionVerifier(errorRate, FIRST_HOUR);
    // Samples at 0 s … 3599 s: the window is not over yet.
    const holding = feed(verifier, 3600, SECOND, T0, () => value(0.001));
    assert.equal(holding.state, 'holding');
    assert.equal(holding.samples, 3600);
    assert.equal(holding.text, 'holding for 59 min of 60 (3,600 samples)');
    // At 3600 s the hour has elapsed.
    const verified = verifier.record(value(0.002), T0 + 3600 * SECOND);
    assert.deepEqual(verified, {
      state: 'verified',
      since: T0,
      samples: 3601,
      verifiedAt: T0 + 3600 * SECOND,
      text: 'auto-verified at 14:03 from 3,601 samples',
    });
  });

  it('reports progress in minutes of the window', () => {
    const verifier = new CriterionVerifier(errorRate, FIRST_HOUR);
    const status = feed(verifier, 721, SECOND, T0, () => value(0));
    assert.equal(status.text, 'holding for 12 min of 60 (721 samples)');
    assert.equal(status.since, T0);
  });

  it('reports short windows in seconds', () => {
    const verifier = new CriterionVerifier(errorRate, { windowSeconds: 60, minSamples: 2 });
    assert.equal(feed(verifier, 4, 10 * SECOND, T0, () => value(0)).text, 'holding for 30 s of 60 (4 samples)');
  });

  it('is violated by one evaluation that does not hold, and stays violated', () => {
    const verifier = new CriterionVerifier(errorRate, FIRST_HOUR);
    feed(verifier, 7, MINUTE, T0, () => value(0.001));
    const violated = verifier.record(value(0.008), T0 + 7 * MINUTE);
    assert.equal(violated.state, 'violated');
    assert.equal(violated.since, T0 + 7 * MINUTE);
    assert.equal(violated.text, 'violated at 13:10: 0.8% ≥ 0.5%');
    // Later good values do not undo it …
    const later = feed(verifier, 120, MINUTE, T0 + 8 * MINUTE, () => value(0));
    assert.equal(later.state, 'violated');
    assert.equal(later.text, 'violated at 13:10: 0.8% ≥ 0.5%');
    // … until reset.
    verifier.reset();
    assert.equal(verifier.status().state, 'unverified');
    assert.equal(verifier.record(value(0), T0 + 200 * MINUTE).state, 'holding');
  });

  it('needs the minimum number of samples, even after the window', () => {
    const verifier = new CriterionVerifier(errorRate, { windowSeconds: 300, minSamples: 10, maxGapSeconds: 120 });
    // One sample a minute: 6 samples at 5 min.
    const short = feed(verifier, 6, MINUTE, T0, () => value(0));
    assert.equal(short.state, 'holding');
    assert.equal(short.text, 'holding for 5 min of 5 (6 samples of the 10 needed)');
    const verified = feed(verifier, 4, MINUTE, T0 + 6 * MINUTE, () => value(0));
    assert.equal(verified.state, 'verified');
    assert.equal(verified.verifiedAt, T0 + 9 * MINUTE);
    assert.equal(verified.samples, 10);
  });

  it('bridges no-data gaps up to the tolerance (they are not samples)', () => {
    const verifier = new CriterionVerifier(errorRate, { windowSeconds: 600, minSamples: 5, maxGapSeconds: 60 });
    // Data every 15 s, but the evaluations from 2:00 to 2:30 have no data: a 60 s gap from 1:45 to 2:45.
    const status = feed(verifier, 41, 15 * SECOND, T0, (i) => (i >= 8 && i <= 10 ? { noData: true, reason: 'scrape failed' } : value(0.001)));
    assert.equal(status.state, 'verified');
    assert.equal(status.since, T0);
    assert.equal(status.verifiedAt, T0 + 600 * SECOND);
    assert.equal(status.samples, 38);
  });

  it('restarts the window after a gap longer than the tolerance, saying so', () => {
    const verifier = new CriterionVerifier(errorRate, { windowSeconds: 600, minSamples: 5, maxGapSeconds: 60 });
    feed(verifier, 5, 15 * SECOND, T0, () => value(0.001)); // last data at 1:00
    verifier.record({ noData: true, reason: 'Prometheus unreachable' }, T0 + 75 * SECOND);
    assert.equal(verifier.status().state, 'holding');
    const broken = verifier.record({ noData: true, reason: 'Prometheus unreachable' }, T0 + 135 * SECOND);
    assert.equal(broken.state, 'unverified');
    assert.equal(broken.samples, 0);
    assert.equal(broken.text, 'no data since 13:04: Prometheus unreachable; the window starts again with the next sample that holds');
    const again = verifier.record(value(0.001), T0 + 150 * SECOND);
    assert.equal(again.state, 'holding');
    assert.equal(again.since, T0 + 150 * SECOND);
    assert.equal(again.samples, 1);
  });

  it('restarts the window when data returns after a long gap without evaluations', () => {
    const verifier = new CriterionVerifier(errorRate, { windowSeconds: 600, minSamples: 1, maxGapSeconds: 60 });
    verifier.record(value(0), T0);
    const after = verifier.record(value(0), T0 + 10 * MINUTE);
    assert.equal(after.state, 'holding');
    assert.equal(after.since, T0 + 10 * MINUTE);
    assert.equal(after.samples, 1);
  });

  it('waits for data without starting a streak', () => {
    const verifier = new CriterionVerifier(errorRate, FIRST_HOUR);
    const status = verifier.record({ noData: true, reason: 'no series' }, T0);
    assert.equal(status.state, 'unverified');
    assert.equal(status.text, 'no data since 13:03: no series');
  });

  it('uses an injected time formatter', () => {
    const verifier = new CriterionVerifier(errorRate, { windowSeconds: 0, minSamples: 1, formatTime: (ms) => `t+${(ms - T0) / 1000}s` });
    assert.equal(verifier.record(value(0), T0 + 5000).text, 'auto-verified at t+5s from 1 sample');
  });

  it('verifies "No OOM conditions" and writes violations of other rules in their units', () => {
    const oom = new CriterionVerifier(criterion('No OOM conditions'), { windowSeconds: 60, minSamples: 1 });
    oom.record(value(0), T0);
    assert.equal(oom.record(value(1), T0 + 30 * SECOND).text, 'violated at 13:03: 1 ≠ 0');

    const health = new CriterionVerifier(criterion('Health check endpoint responding (HTTP 200)'), FIRST_HOUR);
    assert.equal(health.record(value(503), T0).text, 'violated at 13:03: 503 ≠ 200');

    const memory = new CriterionVerifier(criterion('Memory usage stable ±2%'), FIRST_HOUR);
    memory.record(value(0.01), T0);
    assert.equal(memory.record(value(0.031), T0 + MINUTE).text, 'violated at 13:04: +3.1% outside ±2%');
  });

  it('ignores out-of-order evaluations and is pure', () => {
    const first = verifyCriterion(errorRate, INITIAL_CRITERION_PROGRESS, value(0), T0 + MINUTE, FIRST_HOUR);
    const copy = { ...first };
    assert.equal(verifyCriterion(errorRate, first, value(0.9), T0, FIRST_HOUR), first);
    verifyCriterion(errorRate, first, value(0.9), T0 + 2 * MINUTE, FIRST_HOUR);
    assert.deepEqual(first, copy);
    assert.deepEqual(INITIAL_CRITERION_PROGRESS, { state: 'unverified', samples: 0 });
  });
});
