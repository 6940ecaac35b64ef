import * as assert from 'node:assert/strict';
import type { CounterPoint } from '../../../src/core/metrics';
import { counterIncrease, counterRate } from '../../../src/core/metrics';

/** Points one every 15 s from t = 1,700,000,000,000 ms. */
function series(...values: number[]): CounterPoint[] {
  return values.map((v, i) => ({ t: 1_700_000_000_000 + i * 15_000, v }));
}

describe('counterIncrease', () => {
  it('is the difference between the last and the first point', () => {
    assert.equal(counterIncrease(series(100, 130, 160)), 60);
    assert.equal(counterIncrease(series(5, 5)), 0);
  });

  it('treats a drop as a restart from 0: the new value is increase', () => {
    assert.equal(counterIncrease(series(10, 15, 3)), 8);
    assert.equal(counterIncrease(series(10, 0)), 0);
    assert.equal(counterIncrease(series(0, 10, 20, 5, 15)), 35);
  });

  it('handles several resets', () => {
    assert.equal(counterIncrease(series(50, 60, 2, 4, 1, 9)), 10 + 2 + 2 + 1 + 8);
  });

  it('has no data with fewer than two points', () => {
    assert.equal(counterIncrease([]), undefined);
    assert.equal(counterIncrease(series(42)), undefined);
  });

  it('skips non-finite points (failed or stale scrapes)', () => {
    assert.equal(counterIncrease(series(10, NaN, 20)), 10);
    assert.equal(counterIncrease(series(NaN, 20)), undefined);
  });

  it('takes the points in time order', () => {
    const [a, b, c] = series(10, 15, 3);
    assert.ok(a && b && c);
    assert.equal(counterIncrease([c, a, b]), 8);
  });
});

describe('counterRate', () => {
  it('is the increase per second between the first and last point of the window', () => {
    assert.equal(counterRate(series(0, 30, 60, 90), 60), 2);
  });

  it('keeps only points after newest − window (left-open, as Prometheus 3)', () => {
    // Points at 0, 15, 30, 45 s; a 30 s window ending at 45 s holds 30 and 45 s only.
    assert.equal(counterRate(series(0, 0, 300, 330), 30), 2);
    assert.equal(counterRate(series(0, 0, 300, 330), 31), 330 / 30);
  });

  it('handles resets inside the window', () => {
    assert.equal(counterRate(series(100, 130, 15), 60), (30 + 15) / 30);
  });

  it('has no data with fewer than two points in the window, no time between them, or no window', () => {
    assert.equal(counterRate(series(1, 2), 10), undefined);
    assert.equal(counterRate(series(7), 60), undefined);
    assert.equal(counterRate([{ t: 1000, v: 1 }, { t: 1000, v: 5 }], 60), undefined);
    assert.equal(counterRate(series(1, 2), 0), undefined);
    assert.equal(counterRate(series(1, 2), NaN), undefined);
  });
});
