import * as assert from 'node:assert/strict';
import { memoryGrowthPercent, stabilityBand } from '../../../src/core/trend';
import { MIB, T0, synthesize } from './synthetic';

const BASE = 200 * MIB;
const HOUR = 3600;

describe('memoryGrowthPercent', () => {
  it('"memory_growth > 5% in 1 hour": a 6 %/h leak measured over 30 min reads ≈ 6 %, trusted', () => {
    const perSecond = (0.06 * BASE) / 3600;
    const points = synthesize({ seconds: 1800, shape: (s) => BASE + perSecond * s, noise: MIB, seed: 21 });
    const now = T0 + 1800 * 1000;
    const growth = memoryGrowthPercent(points, HOUR, now);
    assert.equal(growth.trusted, true);
    assert.ok(growth.value !== undefined && Math.abs(growth.value - 6) < 0.5, `value ${growth.value}`);
    assert.ok(growth.bytes !== undefined && Math.abs(growth.bytes / MIB - 12) < 1, `bytes ${growth.bytes}`);
    assert.ok(growth.value > 5);
  });

  it('scales with the window: the same leak over 30 min is ≈ 3 %', () => {
    const perSecond = (0.06 * BASE) / 3600;
    const points = synthesize({ seconds: 1800, shape: (s) => BASE + perSecond * s });
    const growth = memoryGrowthPercent(points, 1800, T0 + 1799 * 1000);
    assert.ok(growth.value !== undefined && Math.abs(growth.value - 3) < 1e-6, `value ${growth.value}`);
  });

  it('flat noise is untrusted (read as 0 %, not a leak) but still has a value', () => {
    const points = synthesize({ seconds: 1800, shape: () => BASE, noise: 2 * MIB, seed: 22 });
    const growth = memoryGrowthPercent(points, HOUR, T0 + 1800 * 1000);
    assert.equal(growth.trusted, false);
    assert.equal(growth.trend.verdict, 'flat');
    assert.ok(growth.value !== undefined && Math.abs(growth.value) < 1);
  });

  it('too little data is no data: no value', () => {
    const points = synthesize({ seconds: 300, shape: (s) => BASE + 1000 * s });
    const growth = memoryGrowthPercent(points, HOUR, T0 + 300 * 1000);
    assert.equal(growth.value, undefined);
    assert.equal(growth.bytes, undefined);
    assert.equal(growth.trusted, false);
    assert.equal(memoryGrowthPercent([], HOUR, T0).value, undefined);
  });

  it('only reads the samples inside the window', () => {
    const perSecond = (0.06 * BASE) / 3600;
    // A steep fall two hours ago, then the leak: the window must see only the leak.
    const old = synthesize({ seconds: 3600, shape: (s) => 2 * BASE - 5000 * s });
    const recent = synthesize({ start: T0 + 2 * HOUR * 1000, seconds: HOUR, shape: (s) => BASE + perSecond * s });
    const now = T0 + 3 * HOUR * 1000 - 1000;
    const growth = memoryGrowthPercent([...old, ...recent], HOUR, now);
    assert.equal(growth.trend.samples, HOUR);
    assert.ok(growth.value !== undefined && Math.abs(growth.value - 6) < 1e-6, `value ${growth.value}`);
  });

  it('passes restart times through: the latest process life only', () => {
    const perSecond = (0.06 * BASE) / 3600;
    const restartAt = T0 + 1200 * 1000;
    const before = synthesize({ seconds: 1200, shape: () => 1.3 * BASE });
    const after = synthesize({ start: restartAt, seconds: 1800, shape: (s) => BASE + perSecond * s });
    const growth = memoryGrowthPercent([...before, ...after], HOUR, restartAt + 1799 * 1000, { restartTimes: [restartAt] });
    assert.equal(growth.trend.segmentStart, restartAt);
    assert.ok(growth.value !== undefined && Math.abs(growth.value - 6) < 1e-6, `value ${growth.value}`);
  });
});

describe('stabilityBand', () => {
  const at = (vs: number[]): Array<{ t: number; v: number }> => vs.map((v, i) => ({ t: T0 + i * 1000, v }));

  it('"stable ±2%": the largest deviation relative to the baseline, and when it happened', () => {
    const band = stabilityBand(at([100, 101.5, 98, 99, 101]), 100);
    assert.ok(band);
    assert.ok(Math.abs((band.ratio ?? NaN) - 0.02) < 1e-12);
    assert.ok(Math.abs(band.absolute - 2) < 1e-12);
    assert.equal(band.worstTime, T0 + 2000);
    assert.equal(band.samples, 5);
    assert.ok((band.ratio ?? Infinity) <= 0.02 + 1e-12);
    const unstable = stabilityBand(at([100, 103]), 100);
    assert.ok((unstable?.ratio ?? 0) > 0.02);
  });

  it('no samples is no data; a zero baseline has only an absolute band', () => {
    assert.equal(stabilityBand([], 100), undefined);
    assert.equal(stabilityBand(at([Number.NaN]), 100), undefined);
    assert.equal(stabilityBand(at([1]), Number.NaN), undefined);
    const zero = stabilityBand(at([0, -3, 2]), 0);
    assert.equal(zero?.ratio, undefined);
    assert.equal(zero?.absolute, 3);
  });
});
