import * as assert from 'node:assert/strict';
import { AlignedChartData, mergeColumns } from '../../../webview-ui/src/shaping';

const S = 1000; // one second in ms

describe('AlignedChartData, raw (every sample at its time)', () => {
  it('converts times to Unix seconds and values to display units', () => {
    const d = new AlignedChartData({ scale: 100 });
    d.load([{ key: 'e', times: [10 * S, 11 * S], values: [0.01, 0.02] }]);
    assert.deepEqual(d.data(), [[10, 11], [1, 2]]);
  });

  it('aligns several series on the merged x, undefined where a series has no sample', () => {
    const d = new AlignedChartData();
    d.load([
      { key: 'a', times: [1 * S, 3 * S], values: [1, 3] },
      { key: 'b', times: [2 * S, 3 * S], values: [20, 30] },
    ]);
    assert.deepEqual(d.data(), [
      [1, 2, 3],
      [1, undefined, 3],
      [undefined, 20, 30],
    ]);
  });

  it('marks a gap longer than gapSeconds with a null at the midpoint when nothing lies between', () => {
    const d = new AlignedChartData({ gapSeconds: 5 });
    d.load([{ key: 'a', times: [0, 1 * S, 20 * S, 21 * S], values: [1, 2, 3, 4] }]);
    assert.deepEqual(d.data(), [
      [0, 1, 10.5, 20, 21],
      [1, 2, null, 3, 4],
    ]);
  });

  it('nulls every other-series x inside a gap, so uPlot clips the whole stretch', () => {
    const d = new AlignedChartData({ gapSeconds: 5 });
    d.load([
      { key: 'a', times: [0, 20 * S], values: [1, 2] },
      { key: 'b', times: [0, 5 * S, 10 * S, 15 * S, 20 * S], values: [9, 9, 9, 9, 9] },
    ]);
    assert.deepEqual(d.ys[0], [1, null, null, null, 2]);
  });

  it('appends in place; a gap in live data is marked the same way', () => {
    const d = new AlignedChartData({ gapSeconds: 5 });
    d.load([{ key: 'a', times: [0, 1 * S], values: [1, 2] }]);
    d.append({ a: [[2 * S, 3]] });
    d.append({ a: [[30 * S, 4]] });
    assert.deepEqual(d.x, [0, 1, 2, 16, 30]);
    assert.deepEqual(d.ys[0], [1, 2, 3, null, 4]);
  });

  it('a repeated time keeps the later value; a late sample is inserted in order', () => {
    const d = new AlignedChartData();
    d.load([{ key: 'a', times: [1 * S, 1 * S, 3 * S], values: [1, 2, 3] }]);
    assert.deepEqual(d.data(), [[1, 3], [2, 3]]);
    d.append({ b: [[2 * S, 7]] });
    assert.deepEqual(d.data(), [
      [1, 2, 3],
      [2, undefined, 3],
      [undefined, 7, undefined],
    ]);
  });

  it('a new series key in an append gets a column of its own', () => {
    const d = new AlignedChartData();
    d.load([{ key: 'a', times: [1 * S], values: [1] }]);
    d.append({ a: [[2 * S, 2]], c: [[2 * S, 5]] });
    assert.deepEqual(d.keys, ['a', 'c']);
    assert.deepEqual(d.data(), [
      [1, 2],
      [1, 2],
      [undefined, 5],
    ]);
  });

  it('refuses non-finite samples and counts them', () => {
    const d = new AlignedChartData();
    d.load([{ key: 'a', times: [1 * S, Number.NaN, 3 * S], values: [1, 2, Number.POSITIVE_INFINITY] }]);
    assert.deepEqual(d.data(), [[1], [1]]);
    assert.equal(d.append({ a: [[4 * S, Number.NaN]] }), 0);
    assert.equal(d.dropped, 3);
  });

  it('sorts a history that is not in time order', () => {
    const d = new AlignedChartData();
    d.load([{ key: 'a', times: [3 * S, 1 * S, 2 * S], values: [3, 1, 2] }]);
    assert.deepEqual(d.data(), [[1, 2, 3], [1, 2, 3]]);
  });

  it('trimBefore slides the window and keeps one entry before its start', () => {
    const d = new AlignedChartData();
    d.load([{ key: 'a', times: [1, 2, 3, 4, 5].map((s) => s * S), values: [1, 2, 3, 4, 5] }]);
    assert.equal(d.trimBefore(3.5), 2);
    assert.deepEqual(d.data(), [[3, 4, 5], [3, 4, 5]]);
    assert.equal(d.trimBefore(3.5), 0);
  });

  it('maxPoints caps the entries whatever the clock does', () => {
    const d = new AlignedChartData({ maxPoints: 3 });
    d.load([{ key: 'a', times: [1, 2, 3, 4].map((s) => s * S), values: [1, 2, 3, 4] }]);
    d.append({ a: [[5 * S, 5]] });
    assert.deepEqual(d.data(), [[3, 4, 5], [3, 4, 5]]);
  });

  it('accepts Float64Array columns (what VS Code transfers as binary)', () => {
    const d = new AlignedChartData();
    d.load([{ key: 'a', times: new Float64Array([1 * S, 2 * S]), values: new Float64Array([5, 6]) }]);
    assert.deepEqual(d.data(), [[1, 2], [5, 6]]);
  });
});

describe('AlignedChartData, bucketed (display resolution)', () => {
  it('keeps each bucket as two x entries with its min and max in the order they occurred', () => {
    const d = new AlignedChartData({ bucketSeconds: 10 });
    d.load([{ key: 'a', times: [0, 2, 4, 6, 12, 14].map((s) => s * S), values: [5, 9, 1, 4, 3, 7] }]);
    assert.deepEqual(d.data(), [
      [0, 5, 10, 15],
      [9, 1, 3, 7],
    ]);
  });

  it('max before min when the max came first; a lone sample fills both entries', () => {
    const d = new AlignedChartData({ bucketSeconds: 10 });
    d.load([{ key: 'a', times: [0, 1, 25].map((s) => s * S), values: [9, 2, 4] }]);
    assert.deepEqual(d.data(), [
      [0, 5, 20, 25],
      [9, 2, 4, 4],
    ]);
  });

  it('a live sample in the open bucket rewrites its pair; one in a new bucket adds a pair', () => {
    const d = new AlignedChartData({ bucketSeconds: 10 });
    d.load([{ key: 'a', times: [0, 1 * S], values: [5, 6] }]);
    d.append({ a: [[2 * S, 1]] });
    assert.deepEqual(d.data(), [[0, 5], [6, 1]]);
    d.append({ a: [[3 * S, 8]] });
    assert.deepEqual(d.ys[0], [1, 8]);
    d.append({ a: [[11 * S, 2]] });
    assert.deepEqual(d.data(), [
      [0, 5, 10, 15],
      [1, 8, 2, 2],
    ]);
  });

  it('a day at one second becomes at most two points per bucket', () => {
    const n = 86_400;
    const times = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = i * S;
      values[i] = i % 1000 === 500 ? 1000 : 1;
    }
    const d = new AlignedChartData({ bucketSeconds: 86.4 });
    d.load([{ key: 'a', times, values }]);
    assert.equal(d.length, 2000);
    assert.ok(d.x.every((x, i) => i === 0 || x > (d.x[i - 1] ?? Number.POSITIVE_INFINITY)), 'x strictly increasing');
    // The one-second spikes survive as bucket maxima.
    assert.equal(d.ys[0]?.filter((v) => v === 1000).length, 86);
  });

  it('series of one chart share the bucket grid, so they align without holes', () => {
    const d = new AlignedChartData({ bucketSeconds: 10 });
    d.load([
      { key: 'a', times: [1 * S, 11 * S], values: [1, 2] },
      { key: 'b', times: [3 * S, 13 * S], values: [5, 6] },
    ]);
    assert.deepEqual(d.data(), [
      [0, 5, 10, 15],
      [1, 1, 2, 2],
      [5, 5, 6, 6],
    ]);
  });

  it('a gap of more than gapSeconds (and two buckets) is a null between the pairs', () => {
    const d = new AlignedChartData({ bucketSeconds: 10, gapSeconds: 15 });
    d.load([{ key: 'a', times: [0, 40 * S], values: [1, 2] }]);
    assert.deepEqual(d.data(), [
      [0, 5, 22.5, 40, 45],
      [1, 1, null, 2, 2],
    ]);
    d.append({ a: [[90 * S, 3]] });
    assert.deepEqual(d.x.slice(5), [67.5, 90, 95]);
    assert.deepEqual(d.ys[0]?.slice(5), [null, 3, 3]);
  });

  it('keeps the latest raw samples for the values table, not the bucket extremes', () => {
    const d = new AlignedChartData({ bucketSeconds: 10, recent: 2 });
    d.load([{ key: 'a', times: [1, 2, 3].map((s) => s * S), values: [7, 8, 9] }]);
    assert.deepEqual(d.recent(0), [
      { t: 2, v: 8 },
      { t: 3, v: 9 },
    ]);
    d.append({ a: [[4 * S, 1]] });
    assert.deepEqual(d.latest(0), { t: 4, v: 1 });
    assert.equal(d.recent(0).length, 2);
  });
});

describe('mergeColumns', () => {
  it('unions the x values and aligns each column: undefined where it has none, nulls widened to the neighbouring values', () => {
    const merged = mergeColumns([
      { xs: [1, 3], ys: [10, null] },
      { xs: [2, 3, 4], ys: [20, 30, 40] },
    ]);
    assert.deepEqual(merged, {
      x: [1, 2, 3, 4],
      ys: [
        [10, null, null, null],
        [undefined, 20, 30, 40],
      ],
    });
  });
});
