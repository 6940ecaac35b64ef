import * as assert from 'node:assert/strict';
import type { Sample } from '../../../src/core/samples';
import { predict, theilSen } from '../../../src/core/trend';
import { mulberry32 } from '../../../src/core/trend/stats';
import { T0, gaussian } from './synthetic';

/** Ordinary least squares, to show what Theil–Sen resists. */
function leastSquaresSlope(points: readonly Sample[]): number {
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mv = points.reduce((a, p) => a + p.v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.t - mt) * (p.v - mv);
    sxx += (p.t - mt) ** 2;
  }
  return sxy / sxx;
}

describe('theilSen', () => {
  it('recovers an exact line', () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ t: i, v: 3 * i - 7 }));
    assert.deepEqual(theilSen(points), { slope: 3, intercept: -7 });
  });

  it('works on Unix-ms times: slope per ms, intercept at t = 0', () => {
    const points = Array.from({ length: 100 }, (_, i) => ({ t: T0 + i * 1000, v: 1e8 + 0.5 * i * 1000 }));
    const fit = theilSen(points);
    assert.ok(fit);
    assert.ok(Math.abs(fit.slope - 0.5) < 1e-12);
    assert.ok(Math.abs(predict(fit, T0) - 1e8) < 1e-3);
  });

  it('resists 20 % outliers where least squares does not', () => {
    const normal = gaussian(3);
    const random = mulberry32(5);
    const points: Sample[] = [];
    for (let i = 0; i < 300; i++) {
      const clean = 2 * i + 5 + normal();
      // One point in five, late in the series mostly, is a huge outlier.
      const outlier = random() < 0.2 && i > 100;
      points.push({ t: i, v: outlier ? clean + 5000 : clean });
    }
    const outliers = points.filter((p) => p.v - (2 * p.t + 5) > 1000).length;
    assert.ok(outliers >= 30, `only ${outliers} outliers`);
    const fit = theilSen(points);
    assert.ok(fit);
    assert.ok(Math.abs(fit.slope - 2) < 0.1, `Theil–Sen slope ${fit.slope}`);
    assert.ok(Math.abs(fit.intercept - 5) < 3, `Theil–Sen intercept ${fit.intercept}`);
    const ls = leastSquaresSlope(points);
    assert.ok(Math.abs(ls - 2) > 1, `least squares slope ${ls} should be pulled away`);
  });

  it('samples pairs deterministically beyond maxPairs and stays close to the truth', () => {
    const normal = gaussian(9);
    const points = Array.from({ length: 3600 }, (_, i) => ({ t: T0 + i * 1000, v: 2e8 + 3 * i * 1000 + 1e5 * normal() }));
    const a = theilSen(points);
    const b = theilSen(points);
    assert.deepEqual(a, b);
    assert.ok(a);
    assert.ok(Math.abs(a.slope - 3) < 0.05, `slope ${a.slope}`);
    const small = theilSen(points, { maxPairs: 2000 });
    assert.ok(small && Math.abs(small.slope - 3) < 0.3, `slope with 2,000 pairs ${small?.slope}`);
  });

  it('does not depend on the order of the points', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ t: i * 10, v: Math.sin(i) * 5 + i }));
    const shuffled = [...points].reverse();
    assert.deepEqual(theilSen(shuffled), theilSen(points));
  });

  it('is undefined without two distinct times', () => {
    assert.equal(theilSen([]), undefined);
    assert.equal(theilSen([{ t: 1, v: 1 }]), undefined);
    assert.equal(theilSen([{ t: 1, v: 1 }, { t: 1, v: 5 }]), undefined);
  });

  it('skips pairs with equal times', () => {
    const fit = theilSen([{ t: 0, v: 0 }, { t: 0, v: 100 }, { t: 10, v: 10 }, { t: 20, v: 20 }]);
    // Slopes: (0→10) 1, (0→20) 1, (100→10) −9, (100→20) −4, (10→20) 1 → median 1.
    assert.equal(fit?.slope, 1);
  });
});
