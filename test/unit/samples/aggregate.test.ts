import * as assert from 'node:assert/strict';
import { RingSeries, aggregate, heldAtEverySample } from '../../../src/core/samples';

function series(values: number[]): RingSeries {
  const s = new RingSeries(100);
  values.forEach((v, i) => s.append(i * 1000, v));
  return s;
}

describe('aggregate', () => {
  it('count, min, max, mean, first and last of the window (inclusive)', () => {
    const s = series([7, 3, 9, 4, 1, 6]);
    assert.deepEqual(aggregate(s, 1000, 4000), { count: 4, min: 1, max: 9, mean: 17 / 4, first: 3, last: 1, firstTime: 1000, lastTime: 4000 });
  });

  it('an empty window is no data (undefined), not zero', () => {
    const s = series([7, 3]);
    assert.equal(aggregate(s, 5000, 9000), undefined);
    assert.equal(aggregate(new RingSeries(4), 0, 1e15), undefined);
  });
});

describe('heldAtEverySample', () => {
  it('held when the predicate is true at every sample of the window', () => {
    const s = series([1, 5, 5, 5, 0]);
    assert.equal(heldAtEverySample(s, 1000, 3000, (v) => v > 2), 'held');
  });

  it('broken by one sample, and stops looking there', () => {
    const s = series([5, 5, 1, 5, 5]);
    let calls = 0;
    const verdict = heldAtEverySample(s, 0, 4000, (v) => {
      calls++;
      return v > 2;
    });
    assert.equal(verdict, 'broken');
    assert.equal(calls, 3);
  });

  it('no data when the window holds no sample', () => {
    assert.equal(heldAtEverySample(series([5]), 1000, 2000, () => true), 'no-data');
  });

  it('passes the time as well', () => {
    const times: number[] = [];
    heldAtEverySample(series([1, 2, 3]), 1000, 2000, (_v, t) => times.push(t) > 0);
    assert.deepEqual(times, [1000, 2000]);
  });
});
