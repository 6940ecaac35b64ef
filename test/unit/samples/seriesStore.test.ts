import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SeriesStore } from '../../../src/core/samples';

describe('SeriesStore', () => {
  it('creates a series lazily on its first sample, with the store capacity', () => {
    const store = new SeriesStore({ capacity: 10 });
    assert.equal(store.get('staging/memory_usage/web-1'), undefined);
    assert.equal(store.append('staging/memory_usage/web-1', 1000, 5), true);
    const series = store.get('staging/memory_usage/web-1');
    assert.equal(series?.capacity, 10);
    assert.deepEqual(series?.latest(), { t: 1000, v: 5 });
    assert.deepEqual(store.keys(), ['staging/memory_usage/web-1']);
  });

  it('defaults to 24 h at 1 s per series and 64 series', () => {
    const store = new SeriesStore();
    assert.equal(store.capacity, 86_400);
    assert.equal(store.maxSeries, 64);
    assert.equal(store.maxBytes(), 64 * 86_400 * 16);
  });

  it('totalBytes is the fixed memory of the series held', () => {
    const store = new SeriesStore({ capacity: 100, maxSeries: 8 });
    assert.equal(store.totalBytes(), 0);
    for (const key of ['a', 'b', 'c']) for (let i = 0; i < 500; i++) store.append(key, i, i);
    assert.equal(store.totalBytes(), 3 * 100 * 16);
    assert.equal(store.maxBytes(), 8 * 100 * 16);
  });

  it('evicts the least recently written series for a new key, and reports it', () => {
    const evicted: string[] = [];
    const store = new SeriesStore({ capacity: 4, maxSeries: 3, onEvict: (key) => evicted.push(key) });
    store.append('a', 1, 1);
    store.append('b', 2, 1);
    store.append('c', 3, 1);
    store.append('a', 4, 1); // a is fresh again; b is now the least recently written
    store.append('d', 5, 1);
    assert.deepEqual(evicted, ['b']);
    assert.equal(store.evictions, 1);
    assert.equal(store.size, 3);
    assert.equal(store.has('b'), false);
    assert.deepEqual(store.keys().sort(), ['a', 'c', 'd']);
  });

  it('a dropped sample neither creates a series nor counts as a write', () => {
    const evicted: string[] = [];
    const store = new SeriesStore({ capacity: 4, maxSeries: 2, onEvict: (key) => evicted.push(key) });
    store.append('a', 10, 1);
    store.append('b', 20, 1);
    assert.equal(store.append('c', 30, Number.NaN), false);
    assert.equal(store.has('c'), false);
    assert.deepEqual(evicted, []);
    assert.equal(store.append('a', 5, 1), false, 'out of order for a');
    store.append('d', 40, 1); // a's refused sample did not refresh it: a goes
    assert.deepEqual(evicted, ['a']);
  });

  it('delete and clear free series', () => {
    const store = new SeriesStore({ capacity: 4 });
    store.append('a', 1, 1);
    store.append('b', 1, 1);
    assert.equal(store.delete('a'), true);
    assert.equal(store.delete('a'), false);
    assert.deepEqual(store.keys(), ['b']);
    store.clear();
    assert.equal(store.size, 0);
    assert.equal(store.totalBytes(), 0);
  });

  it('refuses bad bounds', () => {
    assert.throws(() => new SeriesStore({ maxSeries: 0 }), RangeError);
    assert.throws(() => new SeriesStore({ capacity: -1 }), RangeError);
  });

  it('never holds more than maxSeries series or maxBytes, whatever is appended (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 9 }), dt: fc.integer({ min: -3, max: 10 }), v: fc.double() }), { maxLength: 300 }),
        (maxSeries, appends) => {
          const store = new SeriesStore({ capacity: 8, maxSeries });
          let t = 0;
          for (const { key, dt, v } of appends) {
            t += dt;
            store.append(`k${key}`, t, v);
            assert.ok(store.size <= maxSeries);
            assert.ok(store.totalBytes() <= store.maxBytes());
            for (const k of store.keys()) assert.ok((store.get(k)?.size ?? 0) <= 8);
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
