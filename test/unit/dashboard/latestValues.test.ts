import * as assert from 'node:assert/strict';
import { AlignedChartData, latestRows, seriesExtent } from '../../../webview-ui/src/shaping';

describe('latestRows', () => {
  it('lists the latest sample times across series, newest first, with a dash where a series has none', () => {
    const d = new AlignedChartData({ bucketSeconds: 60 });
    d.load([
      { key: 'a', times: [1000, 2000, 3000], values: [1, 2, 3] },
      { key: 'b', times: [2000], values: [20] },
    ]);
    assert.deepEqual(latestRows(d, 2, 'ms'), [
      { t: 3, cells: ['3 ms', '—'] },
      { t: 2, cells: ['2 ms', '20 ms'] },
    ]);
  });

  it('shows raw values, not the bucket extremes the chart draws', () => {
    const d = new AlignedChartData({ bucketSeconds: 60, scale: 100 });
    d.load([{ key: 'e', times: [1000, 2000], values: [0.05, 0.01] }]);
    assert.deepEqual(
      latestRows(d, 5, '%').map((r) => r.cells[0]),
      ['1 %', '5 %'],
    );
  });
});

describe('seriesExtent', () => {
  it('min and max over the chart data, ignoring gaps and holes', () => {
    const d = new AlignedChartData({ gapSeconds: 1 });
    d.load([{ key: 'a', times: [0, 5000, 6000], values: [4, 9, 2] }]);
    assert.deepEqual(seriesExtent(d, 0), { min: 2, max: 9 });
    assert.equal(seriesExtent(d, 1), undefined);
  });
});
