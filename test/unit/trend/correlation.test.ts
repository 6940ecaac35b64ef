import * as assert from 'node:assert/strict';
import { averageRanks, pearson, rSquared, spearman } from '../../../src/core/trend';

const pts = (vs: number[]): Array<{ t: number; v: number }> => vs.map((v, i) => ({ t: i, v }));

describe('averageRanks', () => {
  it('gives tied values the mean of their ranks', () => {
    assert.deepEqual(Array.from(averageRanks([10, 20, 20, 30])), [1, 2.5, 2.5, 4]);
    assert.deepEqual(Array.from(averageRanks([3, 1, 3, 3, 2])), [4, 1, 4, 4, 2]);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation and −1 for any decreasing one', () => {
    assert.equal(spearman(pts([1, 2, 4, 8, 16, 1000])), 1);
    assert.equal(spearman(pts([9, 7, 3, 2, 1])), -1);
  });

  it('handles ties by average ranks (checked by hand)', () => {
    // t ranks 1..5; v = [1, 2, 2, 3, 1] → ranks [1.5, 3.5, 3.5, 5, 1.5]
    const rho = spearman(pts([1, 2, 2, 3, 1]));
    const expected = pearson([1, 2, 3, 4, 5], [1.5, 3.5, 3.5, 5, 1.5]);
    assert.ok(expected !== undefined && rho !== undefined);
    assert.ok(Math.abs(rho - expected) < 1e-12);
    assert.ok(Math.abs(rho - 1.5 / Math.sqrt(90)) < 1e-12, `rho ${rho}`);
  });

  it('is undefined for constant values or fewer than two points', () => {
    assert.equal(spearman(pts([4, 4, 4])), undefined);
    assert.equal(spearman(pts([4])), undefined);
  });
});

describe('rSquared', () => {
  it('is 1 for a perfect fit and 0 for the mean line', () => {
    const line = pts([1, 3, 5, 7]);
    assert.equal(rSquared(line, { slope: 2, intercept: 1 }), 1);
    assert.equal(rSquared(line, { slope: 0, intercept: 4 }), 0);
  });

  it('can be negative for a line worse than the mean', () => {
    const r2 = rSquared(pts([1, 3, 5, 7]), { slope: -2, intercept: 7 });
    assert.ok(r2 !== undefined && r2 < 0);
  });

  it('is undefined when the values are constant', () => {
    assert.equal(rSquared(pts([2, 2, 2]), { slope: 0, intercept: 2 }), undefined);
  });
});
