import * as assert from 'node:assert/strict';
import { DEFAULT_SERIES_CAPACITY, RingSeries } from '../../../src/core/samples';

function filled(capacity: number, count: number): RingSeries {
  const series = new RingSeries(capacity);
  for (let i = 1; i <= count; i++) series.append(i * 1000, i * 10);
  return series;
}

describe('RingSeries', () => {
  it('defaults to 24 h at 1 s, starts small and grows by doubling, never past 16 B × capacity', () => {
    const series = new RingSeries();
    assert.equal(series.capacity, DEFAULT_SERIES_CAPACITY);
    assert.equal(series.capacity, 86_400);
    assert.equal(series.maxBytes, 86_400 * 16);
    assert.equal(series.bytes, 1024 * 16);
    assert.equal(series.size, 0);
    assert.equal(series.latest(), undefined);
    const seen = new Set<number>();
    for (let t = 0; t < 200_000; t++) {
      series.append(t, t);
      seen.add(series.bytes);
    }
    assert.deepEqual([...seen], [1024, 2048, 4096, 8192, 16384, 32768, 65536, 86_400].map((n) => n * 16));
    assert.equal(series.size, 86_400);
    assert.equal(series.at(0)?.t, 200_000 - 86_400);
    assert.equal(series.latest()?.v, 199_999);
  });

  it('refuses a capacity that is not a positive integer', () => {
    assert.throws(() => new RingSeries(0), RangeError);
    assert.throws(() => new RingSeries(2.5), RangeError);
    assert.throws(() => new RingSeries(Number.NaN), RangeError);
  });

  it('keeps samples in order until full', () => {
    const series = filled(5, 3);
    assert.equal(series.size, 3);
    assert.deepEqual(series.at(0), { t: 1000, v: 10 });
    assert.deepEqual(series.latest(), { t: 3000, v: 30 });
    assert.deepEqual(series.points(-Infinity, Infinity), [
      { t: 1000, v: 10 },
      { t: 2000, v: 20 },
      { t: 3000, v: 30 },
    ]);
  });

  it('wraps around: overwrites the oldest and never grows past its capacity', () => {
    const series = filled(4, 6);
    assert.equal(series.size, 4);
    assert.equal(series.bytes, 4 * 16);
    assert.deepEqual(series.at(0), { t: 3000, v: 30 });
    assert.deepEqual(series.at(-1), { t: 6000, v: 60 });
    assert.deepEqual(series.at(-4), { t: 3000, v: 30 });
    assert.equal(series.at(4), undefined);
    assert.equal(series.at(-5), undefined);
    assert.deepEqual(Array.from(series.range(0, 10_000).times), [3000, 4000, 5000, 6000]);
    assert.deepEqual(Array.from(series.range(0, 10_000).values), [30, 40, 50, 60]);
    // Range that straddles the physical end of the buffer (slots 2,3 then 0,1).
    assert.deepEqual(Array.from(series.range(4000, 5000).values), [40, 50]);
  });

  it('times and values by logical index; throws outside [0, size)', () => {
    const series = filled(3, 5);
    assert.equal(series.timeAt(0), 3000);
    assert.equal(series.valueAt(2), 50);
    assert.throws(() => series.timeAt(3), RangeError);
    assert.throws(() => series.valueAt(-1), RangeError);
    assert.throws(() => series.valueAt(0.5), RangeError);
  });

  it('drops an out-of-order sample and counts it; equal times are kept', () => {
    const series = new RingSeries(10);
    assert.equal(series.append(2000, 1), true);
    assert.equal(series.append(1999, 2), false);
    assert.equal(series.append(2000, 3), true);
    assert.equal(series.size, 2);
    assert.equal(series.droppedOutOfOrder, 1);
    assert.deepEqual(series.latest(), { t: 2000, v: 3 });
  });

  it('drops non-finite times and values (no data is no sample) and counts them', () => {
    const series = new RingSeries(10);
    assert.equal(series.append(1000, Number.NaN), false);
    assert.equal(series.append(1000, Number.POSITIVE_INFINITY), false);
    assert.equal(series.append(Number.NaN, 1), false);
    assert.equal(series.size, 0);
    assert.equal(series.droppedNonFinite, 3);
    assert.equal(series.droppedOutOfOrder, 0);
  });

  it('range is inclusive at both ends and empty when from > to', () => {
    const series = filled(10, 5);
    assert.deepEqual(Array.from(series.range(2000, 4000).times), [2000, 3000, 4000]);
    assert.deepEqual(Array.from(series.range(2001, 3999).times), [3000]);
    assert.equal(series.range(4000, 2000).times.length, 0);
    assert.equal(series.range(6000, 9000).values.length, 0);
  });

  it('range returns copies: changing them leaves the series alone', () => {
    const series = filled(4, 6);
    const slice = series.range(0, 10_000);
    slice.values.fill(-1);
    assert.equal(series.valueAt(0), 30);
  });

  it('valuesSince, forEachInRange and lower/upper bounds agree', () => {
    const series = filled(4, 7); // holds 4000..7000
    assert.deepEqual(Array.from(series.valuesSince(5500)), [60, 70]);
    assert.deepEqual(Array.from(series.valuesSince(0)), [40, 50, 60, 70]);
    const seen: number[] = [];
    series.forEachInRange(5000, 6000, (t, v) => seen.push(t, v));
    assert.deepEqual(seen, [5000, 50, 6000, 60]);
    assert.equal(series.lowerBound(5000), 1);
    assert.equal(series.upperBound(5000), 2);
    assert.equal(series.lowerBound(99_999), 4);
  });

  it('clear forgets samples and the order check, keeps its memory', () => {
    const series = filled(4, 6);
    series.clear();
    assert.equal(series.size, 0);
    assert.equal(series.bytes, 64);
    assert.equal(series.append(1, 5), true, 'an older time is accepted after clear');
    assert.deepEqual(series.points(-Infinity, Infinity), [{ t: 1, v: 5 }]);
  });
});
