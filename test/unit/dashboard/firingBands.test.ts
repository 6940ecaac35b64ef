import * as assert from 'node:assert/strict';
import { firingAt, firingBands } from '../../../webview-ui/src/shaping';

describe('firingBands', () => {
  it('clips periods to the window and converts them to Unix seconds', () => {
    assert.deepEqual(firingBands([{ from: 1000, to: 5000 }], 2000, 10_000, 10_000), [[2, 5]]);
  });

  it('runs an open period (still firing) to now', () => {
    assert.deepEqual(firingBands([{ from: 4000 }], 0, 10_000, 8000), [[4, 8]]);
  });

  it('merges overlapping and touching periods and sorts them', () => {
    const bands = firingBands(
      [
        { from: 7000, to: 9000 },
        { from: 1000, to: 3000 },
        { from: 2000, to: 4000 },
        { from: 4000, to: 5000 },
      ],
      0,
      10_000,
      10_000,
    );
    assert.deepEqual(bands, [
      [1, 5],
      [7, 9],
    ]);
  });

  it('drops periods outside the window or empty after clipping', () => {
    assert.deepEqual(firingBands([{ from: 0, to: 1000 }, { from: 20_000 }, { from: 5000, to: 5000 }], 2000, 10_000, 10_000), []);
  });
});

describe('firingAt', () => {
  it('true inside a closed period or after the start of an open one', () => {
    const periods = [{ from: 1000, to: 2000 }, { from: 5000 }];
    assert.equal(firingAt(periods, 1500), true);
    assert.equal(firingAt(periods, 3000), false);
    assert.equal(firingAt(periods, 9000), true);
  });
});
