import * as assert from 'node:assert/strict';
import { splitAtRestarts } from '../../../src/core/trend';

const pts = (vs: number[]): Array<{ t: number; v: number }> => vs.map((v, i) => ({ t: i * 1000, v }));
const lengths = (segments: unknown[][]): number[] => segments.map((s) => s.length);

describe('splitAtRestarts', () => {
  it('no restart, no sharp drop: one segment', () => {
    assert.deepEqual(lengths(splitAtRestarts(pts([10, 11, 12, 13]))), [4]);
    assert.deepEqual(splitAtRestarts([]), []);
  });

  it('splits at a restart time; a sample at the restart time belongs to the new process', () => {
    const points = pts([10, 11, 12, 13, 14, 15]);
    assert.deepEqual(lengths(splitAtRestarts(points, [2500])), [3, 3]);
    const atSample = splitAtRestarts(points, [3000]);
    assert.deepEqual(lengths(atSample), [3, 3]);
    assert.equal(atSample[1]?.[0]?.t, 3000);
  });

  it('ignores restarts outside the span, takes them unsorted, and merges two between the same samples', () => {
    const points = pts([10, 11, 12, 13, 14, 15]);
    assert.deepEqual(lengths(splitAtRestarts(points, [4500, -5, 1500, 99_000])), [2, 3, 1]);
    assert.deepEqual(lengths(splitAtRestarts(points, [1200, 1800])), [2, 4]);
    assert.deepEqual(lengths(splitAtRestarts(points, [0])), [6], 'a restart at the first sample starts nothing new');
  });

  it('splits where the value falls below half of the previous sample', () => {
    assert.deepEqual(lengths(splitAtRestarts(pts([400, 420, 440, 100, 110]))), [3, 2]);
  });

  it('does not split at a GC-sized drop', () => {
    assert.deepEqual(lengths(splitAtRestarts(pts([200, 240, 260, 200, 230, 260, 195]))), [7]);
  });

  it('dropFraction sets the rule; 1 splits at restarts only', () => {
    const points = pts([200, 260, 190, 100]);
    assert.deepEqual(lengths(splitAtRestarts(points, [], { dropFraction: 0.2 })), [2, 1, 1]);
    assert.deepEqual(lengths(splitAtRestarts(points, [], { dropFraction: 1 })), [4]);
  });
});
