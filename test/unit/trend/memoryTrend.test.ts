import * as assert from 'node:assert/strict';
import { memoryTrend } from '../../../src/core/trend';
import { MIB, T0, synthesize } from './synthetic';

const HALF_HOUR = 1800;
const BASE = 200 * MIB;

describe('memoryTrend', () => {
  it('flat with noise → flat', () => {
    const points = synthesize({ seconds: HALF_HOUR, shape: () => BASE, noise: 2 * MIB, seed: 1 });
    const trend = memoryTrend(points);
    assert.equal(trend.verdict, 'flat');
    assert.ok(Math.abs(trend.slopePerHour) < MIB, `slope ${trend.slopePerHour / MIB} MiB/h`);
    assert.equal(trend.samples, HALF_HOUR);
    assert.equal(trend.spanSeconds, HALF_HOUR - 1);
    assert.equal(trend.projectedLimitInSeconds, undefined);
  });

  it('a 6 %/h leak with noise → growing at ≈ 6 %/h with a good fit', () => {
    const perSecond = (0.06 * BASE) / 3600;
    const points = synthesize({ seconds: HALF_HOUR, shape: (s) => BASE + perSecond * s, noise: MIB, seed: 2 });
    const trend = memoryTrend(points);
    assert.equal(trend.verdict, 'growing');
    assert.ok(Math.abs(trend.percentPerHour - 6) < 0.5, `percentPerHour ${trend.percentPerHour}`);
    assert.ok(Math.abs(trend.slopePerHour / MIB - 12) < 1, `slope ${trend.slopePerHour / MIB} MiB/h`);
    assert.ok(trend.r2 >= 0.4, `r2 ${trend.r2}`);
    assert.ok(trend.spearman >= 0.5, `rho ${trend.spearman}`);
  });

  it('a GC sawtooth without a rising floor → flat', () => {
    const tooth = 300; // s: rises 40 MiB in 5 min, then GC drops it back (a 17 % drop: no split)
    const points = synthesize({ seconds: HALF_HOUR + 137, shape: (s) => BASE + (40 * MIB * (s % tooth)) / tooth, noise: MIB / 2, seed: 3 });
    const trend = memoryTrend(points);
    assert.equal(trend.segments, 1);
    assert.equal(trend.verdict, 'flat', `slope ${trend.slopePerHour / MIB} MiB/h, r2 ${trend.r2}, rho ${trend.spearman}`);
    // The median pairwise slope of an asymmetric sawtooth is not 0: the fit gate is what says flat.
    assert.ok(trend.r2 < 0.4 && trend.spearman < 0.5, `r2 ${trend.r2}, rho ${trend.spearman}`);
  });

  it('a restart drop splits the series: only the latest process life counts', () => {
    const perSecond = (0.06 * (100 * MIB)) / 3600;
    // One hour flat at 400 MiB, then the process restarts at 100 MiB and leaks 6 %/h for 30 min.
    const before = synthesize({ seconds: 3600, shape: () => 400 * MIB, noise: MIB, seed: 4 });
    const restartAt = T0 + 3600 * 1000;
    const after = synthesize({ start: restartAt, seconds: HALF_HOUR, shape: (s) => 100 * MIB + perSecond * s, noise: MIB / 4, seed: 5 });
    const points = [...before, ...after];

    const bySharpDrop = memoryTrend(points);
    assert.equal(bySharpDrop.segments, 2);
    assert.equal(bySharpDrop.segmentStart, restartAt);
    assert.equal(bySharpDrop.samples, HALF_HOUR);
    assert.equal(bySharpDrop.verdict, 'growing');
    assert.ok(Math.abs(bySharpDrop.percentPerHour - 6) < 0.5, `percentPerHour ${bySharpDrop.percentPerHour}`);

    const byRestartTime = memoryTrend(points, { restartTimes: [restartAt], dropFraction: 1 });
    assert.equal(byRestartTime.segmentStart, restartAt);
    assert.equal(byRestartTime.verdict, 'growing');

    const unsplit = memoryTrend(points, { dropFraction: 1 });
    assert.equal(unsplit.segments, 1);
    assert.notEqual(unsplit.verdict, 'growing', 'without the split the restart hides the leak');
  });

  it('too short or too few samples → insufficient, still with the figures it has', () => {
    const perSecond = (0.5 * BASE) / 3600;
    const short = memoryTrend(synthesize({ seconds: 300, shape: (s) => BASE + perSecond * s }));
    assert.equal(short.verdict, 'insufficient');
    assert.ok(short.slopePerHour > 0);
    const sparse = memoryTrend(synthesize({ seconds: 3600, stepSeconds: 600, shape: (s) => BASE + perSecond * s }));
    assert.equal(sparse.samples, 6);
    assert.equal(sparse.verdict, 'insufficient');
    assert.equal(memoryTrend(synthesize({ seconds: 3600, stepSeconds: 600, shape: (s) => BASE + perSecond * s }), { minSamples: 5 }).verdict, 'growing');
    assert.deepEqual(memoryTrend([]), { verdict: 'insufficient', slopePerHour: 0, percentPerHour: 0, r2: 0, spearman: 0, samples: 0, spanSeconds: 0, segments: 0 });
  });

  it('projects when the fitted line reaches the memory limit', () => {
    // 100 MiB + 10 MiB/h exactly, for 30 min: at the last sample 105 MiB (less a second).
    const perSecond = (10 * MIB) / 3600;
    const points = synthesize({ seconds: HALF_HOUR + 1, shape: (s) => 100 * MIB + perSecond * s });
    const trend = memoryTrend(points, { memoryLimitBytes: 200 * MIB });
    assert.equal(trend.verdict, 'growing');
    assert.ok(Math.abs(trend.slopePerHour - 10 * MIB) < 1e-3);
    assert.ok(Math.abs(trend.percentPerHour - 10) < 1e-9);
    assert.ok(Math.abs((trend.projectedLimitInSeconds ?? NaN) - 9.5 * 3600) < 1e-3, `${trend.projectedLimitInSeconds}`);
    const later = memoryTrend(points, { memoryLimitBytes: 200 * MIB, now: T0 + 3600 * 1000 });
    assert.ok(Math.abs((later.projectedLimitInSeconds ?? NaN) - 9 * 3600) < 1e-3);
    const past = memoryTrend(points, { memoryLimitBytes: 101 * MIB });
    assert.equal(past.projectedLimitInSeconds, 0);
  });

  it('a clean but slow rise below the absolute minimum is flat', () => {
    const perSecond = (0.5 * MIB) / 3600;
    const points = synthesize({ seconds: HALF_HOUR, shape: (s) => BASE + perSecond * s });
    const trend = memoryTrend(points);
    assert.ok(trend.r2 > 0.99);
    assert.equal(trend.verdict, 'flat');
    assert.equal(memoryTrend(points, { minSlopePerHour: 0.25 * MIB }).verdict, 'growing');
  });

  it('a steady fall with a good fit → shrinking, with no projection', () => {
    const perSecond = (20 * MIB) / 3600;
    const points = synthesize({ seconds: HALF_HOUR, shape: (s) => BASE - perSecond * s, noise: MIB / 2, seed: 6 });
    const trend = memoryTrend(points, { memoryLimitBytes: 1e12 });
    assert.equal(trend.verdict, 'shrinking');
    assert.ok(trend.spearman < -0.5);
    assert.equal(trend.projectedLimitInSeconds, undefined);
  });

  it('sorts unsorted input and ignores non-finite points', () => {
    const perSecond = (0.06 * BASE) / 3600;
    const points = synthesize({ seconds: 900, shape: (s) => BASE + perSecond * s });
    const messy = [...points].reverse().concat([{ t: T0 + 5, v: Number.NaN }]);
    assert.deepEqual(memoryTrend(messy), memoryTrend(points));
  });
});
