import * as assert from 'node:assert/strict';
import { RingSeries, downsample } from '../../../src/core/samples';

const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400;

/** 24 h at 1 s: flat 100 with one spike up and one dip down. */
function dayWithSpikes(spikeAt: number, dipAt: number): RingSeries {
  const series = new RingSeries(DAY);
  for (let s = 0; s < DAY; s++) {
    series.append(T0 + s * 1000, s === spikeAt ? 1_000_000 : s === dipAt ? -50 : 100);
  }
  return series;
}

describe('downsample', () => {
  it('turns 24 h at 1 s into at most 2,000 buckets and keeps a one-second spike and dip', () => {
    const spikeAt = 43_210;
    const dipAt = 70_001;
    const series = dayWithSpikes(spikeAt, dipAt);
    const to = T0 + (DAY - 1) * 1000;
    const ds = downsample(series, T0, to, 2000);
    assert.ok(ds.length <= 2000 && ds.length >= 1990, `length ${ds.length}`);
    assert.equal(ds.stepMs, Math.ceil((to - T0 + 1) / 2000));
    assert.equal(ds.counts.reduce((a, b) => a + b, 0), DAY, 'every sample lands in one bucket');

    const spikeBucket = Math.floor((spikeAt * 1000) / ds.stepMs);
    const dipBucket = Math.floor((dipAt * 1000) / ds.stepMs);
    assert.equal(ds.times[spikeBucket], T0 + spikeBucket * ds.stepMs);
    assert.equal(ds.max[spikeBucket], 1_000_000);
    assert.equal(ds.min[spikeBucket], 100);
    assert.equal(ds.min[dipBucket], -50);
    assert.equal(Math.max(...ds.max), 1_000_000);
    assert.equal(Math.min(...ds.min), -50);
    // A bucket without a spike is flat.
    assert.equal(ds.avg[10], 100);
    assert.equal(ds.max[10], 100);
    // The spike raises its bucket's mean but not beyond the max.
    const count = ds.counts[spikeBucket] ?? 0;
    assert.equal(ds.avg[spikeBucket], (1_000_000 + 100 * (count - 1)) / count);
  });

  it('reports count, min, max, avg, first and last per bucket', () => {
    const series = new RingSeries(100);
    [5, 1, 9, 3, 4, 8].forEach((v, i) => series.append(i * 1000, v));
    const ds = downsample(series, 0, 5999, 2); // step 3000 ms: [5,1,9] and [3,4,8]
    assert.equal(ds.stepMs, 3000);
    assert.deepEqual(Array.from(ds.times), [0, 3000]);
    assert.deepEqual(Array.from(ds.counts), [3, 3]);
    assert.deepEqual(Array.from(ds.min), [1, 3]);
    assert.deepEqual(Array.from(ds.max), [9, 8]);
    assert.deepEqual(Array.from(ds.avg), [5, 5]);
    assert.deepEqual(Array.from(ds.first), [5, 3]);
    assert.deepEqual(Array.from(ds.last), [9, 8]);
  });

  it('leaves out buckets without samples (a gap is no data, not zero)', () => {
    const series = new RingSeries(100);
    for (const s of [0, 1, 2, 7, 8, 9]) series.append(s * 1000, s);
    const ds = downsample(series, 0, 9999, 5); // step 2000 ms: [0, 1], [2], nothing, [7], [8, 9]
    assert.deepEqual(Array.from(ds.times), [0, 2000, 6000, 8000]);
    assert.deepEqual(Array.from(ds.counts), [2, 1, 1, 2]);
  });

  it('keeps each sample when there are fewer samples than maxPoints', () => {
    const series = new RingSeries(100);
    for (let s = 0; s < 10; s++) series.append(T0 + s * 1000, s * s);
    const ds = downsample(series, T0, T0 + 9000, 2000);
    assert.equal(ds.length, 10);
    assert.deepEqual(Array.from(ds.times), Array.from({ length: 10 }, (_, s) => T0 + s * 1000));
    assert.deepEqual(Array.from(ds.avg), Array.from({ length: 10 }, (_, s) => s * s));
  });

  it('only reads samples inside [from, to], so series share bucket times', () => {
    const a = new RingSeries(1000);
    const b = new RingSeries(1000);
    for (let s = 0; s < 600; s++) {
      a.append(T0 + s * 1000, 1);
      if (s % 2 === 1) b.append(T0 + s * 1000 + 300, 2); // other phase, half the rate
    }
    const from = T0 + 100_000;
    const to = T0 + 399_999;
    const da = downsample(a, from, to, 60);
    const db = downsample(b, from, to, 60);
    assert.equal(da.stepMs, 5000);
    assert.deepEqual(Array.from(da.times), Array.from(db.times));
    assert.equal(da.counts.reduce((x, y) => x + y, 0), 300);
    assert.equal(da.times[0], from);
  });

  it('is empty for an empty range and refuses a bad maxPoints', () => {
    const series = new RingSeries(10);
    series.append(1000, 1);
    assert.equal(downsample(series, 2000, 1000, 10).length, 0);
    assert.equal(downsample(series, 5000, 9000, 10).length, 0);
    assert.throws(() => downsample(series, 0, 1000, 0), RangeError);
    assert.throws(() => downsample(series, 0, 1000, 1.5), RangeError);
  });
});
