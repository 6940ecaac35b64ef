import * as assert from 'node:assert/strict';
import type { QuantileBucket } from '../../../src/core/metrics';
import { histogramQuantile } from '../../../src/core/metrics';

function buckets(...pairs: Array<[number, number]>): QuantileBucket[] {
  return pairs.map(([le, count]) => ({ le, count }));
}

function assertClose(actual: number | undefined, expected: number, message?: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), message ?? `${actual} ≉ ${expected}`);
}

/**
 * Expected values are those of Prometheus' own tests (promql/promqltest/testdata/histograms.test),
 * with the bucket counts those tests load at the evaluated time.
 */
describe('histogramQuantile: the cases of Prometheus’ histograms.test', () => {
  const positive = buckets([0.1, 50], [0.2, 70], [1, 110], [Infinity, 120]);
  const negative = buckets([-0.2, 10], [-0.1, 20], [0.3, 20], [Infinity, 30]);
  const table: Array<[number, number, number]> = [
    // q, positive, negative
    [0, 0, -0.2],
    [0.2, 0.048, -0.2],
    [0.5, 0.15, -0.15],
    [0.8, 0.72, 0.3],
    [1, 1, 0.3],
  ];
  for (const [q, expectedPositive, expectedNegative] of table) {
    it(`testhistogram, q=${q}: ${expectedPositive} and ${expectedNegative}`, () => {
      assertClose(histogramQuantile(q, positive), expectedPositive);
      assertClose(histogramQuantile(q, negative), expectedNegative);
    });
  }

  it('interpolates from 0 in the lowest bucket when its bound is positive, and returns a bound ≤ 0 as is', () => {
    assertClose(histogramQuantile(0.1, positive), 0.024);
    assert.equal(histogramQuantile(0.1, negative), -0.2);
  });

  it('returns the second-highest bound when the rank falls into the +Inf bucket', () => {
    assert.equal(histogramQuantile(0.99, positive), 1);
  });

  it('testhistogram2: quantiles in the middle of a bucket', () => {
    const middle = buckets([0, 0], [2, 1], [4, 2], [6, 3], [Infinity, 3]);
    assertClose(histogramQuantile(1 / 6, middle), 1);
    assertClose(histogramQuantile(0.5, middle), 3);
    assertClose(histogramQuantile(5 / 6, middle), 5);
  });

  it('testhistogram3: an empty lowest bucket at 0 or below', () => {
    const pos = buckets([0, 0], [0.1, 50], [0.2, 70], [1, 110], [Infinity, 110]);
    const neg = buckets([-0.25, 0], [-0.2, 10], [-0.1, 20], [0.3, 20], [Infinity, 20]);
    const table: Array<[number, number, number]> = [
      [0, 0, -0.25],
      [0.25, 0.055, -0.225],
      [0.5, 0.125, -0.2],
      [0.75, 0.45, -0.15],
      [1, 1, -0.1],
    ];
    for (const [q, p, n] of table) {
      assertClose(histogramQuantile(q, pos), p, `q=${q} positive`);
      assertClose(histogramQuantile(q, neg), n, `q=${q} negative`);
    }
  });

  it('sum by (le) of four series: 0.075 and 0.1277…', () => {
    // request_duration_seconds of job1/job2 × ins1/ins2, summed per bound.
    const summed = buckets([0.1, 1 + 2 + 3 + 4], [0.2, 3 + 5 + 4 + 7], [Infinity, 4 + 6 + 6 + 9]);
    assertClose(histogramQuantile(0.3, summed), 0.075);
    assertClose(histogramQuantile(0.5, summed), 0.1277777777777778); // as Prometheus writes it
  });

  it('non-monotonic counts are fixed with the monotonic envelope: 0.0045, 8.5, 979.75', () => {
    const nonMonotonic = buckets([0.1, 20], [1, 10], [10, 50], [100, 40], [1000, 90], [Infinity, 80]);
    assertClose(histogramQuantile(0.01, nonMonotonic), 0.0045);
    assertClose(histogramQuantile(0.5, nonMonotonic), 8.5);
    assertClose(histogramQuantile(0.99, nonMonotonic), 979.75);
  });

  it('merges buckets with the same bound (mixed spellings of le)', () => {
    const mixed = buckets([0.1, 1], [0.2, 1], [0.2, 1], [0.2, 1], [Infinity, 4]);
    assertClose(histogramQuantile(0.5, mixed), 0.15);
    assert.equal(histogramQuantile(0.75, mixed), 0.2);
    assert.equal(histogramQuantile(1, mixed), 0.2);
  });

  it('zero observations: no data (NaN in Prometheus)', () => {
    assert.equal(histogramQuantile(0.2, buckets([0.1, 0], [0.2, 0], [Infinity, 0])), undefined);
    assert.equal(histogramQuantile(1, buckets([0, 1], [1, 1], [2, 1], [Infinity, 1]).map((b) => ({ ...b, count: 0 }))), undefined);
  });
});

describe('histogramQuantile: special cases', () => {
  const simple = buckets([1, 5], [2, 10], [Infinity, 10]);

  it('q < 0 → -Inf, q > 1 → +Inf, q NaN → no data', () => {
    assert.equal(histogramQuantile(-0.1, simple), -Infinity);
    assert.equal(histogramQuantile(1.01, simple), Infinity);
    assert.equal(histogramQuantile(NaN, simple), undefined);
  });

  it('no +Inf bucket, a single bucket, or no buckets → no data', () => {
    assert.equal(histogramQuantile(0.5, buckets([1, 5], [2, 10])), undefined);
    assert.equal(histogramQuantile(0.5, buckets([Infinity, 10])), undefined);
    assert.equal(histogramQuantile(0.5, buckets([2, 10])), undefined);
    assert.equal(histogramQuantile(0.5, []), undefined);
  });

  it('q = 0 with an empty lowest bucket above 0 is 0/0 in Prometheus: no data', () => {
    assert.equal(histogramQuantile(0, buckets([1, 0], [2, 4], [Infinity, 4])), undefined);
    assert.equal(histogramQuantile(0.001, buckets([1, 0], [2, 4], [Infinity, 4])), 1.001);
  });

  it('sorts the buckets itself and leaves the input alone', () => {
    const shuffled = buckets([Infinity, 10], [2, 10], [1, 5]);
    const copy = shuffled.map((b) => ({ ...b }));
    assert.equal(histogramQuantile(0.75, shuffled), 1.5);
    assert.deepEqual(shuffled, copy);
  });

  it('ignores relative differences below 1e-12 between neighbours, as Prometheus does', () => {
    // Without the correction, the +Inf count 1e15 + 100 would put q=1 into the (1, 2] bucket.
    const noisy = buckets([1, 1e15], [2, 1e15 + 100], [Infinity, 1e15 + 100]);
    assert.equal(histogramQuantile(1, noisy), 1);
    assert.equal(histogramQuantile(1, buckets([1, 1e6], [2, 1e6 + 100], [Infinity, 1e6 + 100])), 2);
  });
});
