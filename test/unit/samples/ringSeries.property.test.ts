import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Sample } from '../../../src/core/samples';
import { RingSeries } from '../../../src/core/samples';

/** Fixed seed: a failure reproduces. */
const PARAMS = { seed: 20250101, numRuns: 300 };

/** An append: a time step from the previous time (negative: out of order) and a value (sometimes non-finite). */
const appendArb = fc.record({
  dt: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 5000 }) }, { weight: 1, arbitrary: fc.integer({ min: -5000, max: -1 }) }),
  v: fc.oneof({ weight: 9, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY) }),
});

/** The reference: the accepted samples in a plain array, same rules. */
function model(appends: ReadonlyArray<{ dt: number; v: number }>): { accepted: Sample[]; attempts: Sample[] } {
  const accepted: Sample[] = [];
  const attempts: Sample[] = [];
  let t = 1_700_000_000_000;
  for (const { dt, v } of appends) {
    t += dt;
    attempts.push({ t, v });
    const last = accepted[accepted.length - 1];
    if (Number.isFinite(v) && (last === undefined || t >= last.t)) accepted.push({ t, v });
  }
  return { accepted, attempts };
}

describe('RingSeries (property)', () => {
  it('any sequence of appends keeps size ≤ capacity and holds exactly the last N accepted samples in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(appendArb, { maxLength: 200 }), (capacity, appends) => {
        const series = new RingSeries(capacity);
        const bytes = series.bytes;
        const { accepted, attempts } = model(appends);
        for (const { t, v } of attempts) {
          series.append(t, v);
          assert.ok(series.size <= capacity);
          assert.equal(series.bytes, bytes);
        }
        const expected = accepted.slice(-capacity);
        assert.equal(series.size, expected.length);
        const all = series.range(-Infinity, Infinity);
        assert.deepEqual(Array.from(all.times), expected.map((s) => s.t));
        assert.deepEqual(Array.from(all.values), expected.map((s) => s.v));
        assert.deepEqual(series.latest(), expected[expected.length - 1]);
        assert.equal(series.droppedOutOfOrder + series.droppedNonFinite, attempts.length - accepted.length);
      }),
      PARAMS,
    );
  });

  it('range(from, to) equals filtering the held samples by from ≤ t ≤ to', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(appendArb, { maxLength: 120 }),
        fc.integer({ min: -2000, max: 400_000 }),
        fc.integer({ min: 0, max: 400_000 }),
        (capacity, appends, fromOffset, width) => {
          const series = new RingSeries(capacity);
          const { accepted, attempts } = model(appends);
          for (const { t, v } of attempts) series.append(t, v);
          const from = 1_700_000_000_000 + fromOffset;
          const to = from + width;
          const expected = accepted.slice(-capacity).filter((s) => s.t >= from && s.t <= to);
          const slice = series.range(from, to);
          assert.deepEqual(Array.from(slice.times), expected.map((s) => s.t));
          assert.deepEqual(Array.from(slice.values), expected.map((s) => s.v));
        },
      ),
      PARAMS,
    );
  });
});
