import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { medianInPlace, mulberry32, selectInPlace } from '../../../src/core/trend/stats';

function sortedMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

describe('trend stats helpers', () => {
  it('medianInPlace agrees with sorting, odd and even lengths, with duplicates (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 200 }), (values) => {
        assert.equal(medianInPlace(Float64Array.from(values)), sortedMedian(values));
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('medianInPlace uses only the first n entries; NaN when empty', () => {
    assert.equal(medianInPlace(Float64Array.from([3, 1, 2, 100, 100]), 3), 2);
    assert.ok(Number.isNaN(medianInPlace(new Float64Array(0))));
  });

  it('selectInPlace returns the k-th smallest and partitions around it', () => {
    const a = Float64Array.from([9, 4, 7, 1, 8, 2, 6, 3, 5, 0]);
    assert.equal(selectInPlace(a, a.length, 3), 3);
    for (let i = 0; i < 3; i++) assert.ok((a[i] ?? NaN) <= 3);
    for (let i = 4; i < a.length; i++) assert.ok((a[i] ?? NaN) >= 3);
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      assert.equal(x, b());
      assert.ok(x >= 0 && x < 1);
    }
    assert.notEqual(mulberry32(1)(), mulberry32(2)());
  });
});
