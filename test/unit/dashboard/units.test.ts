import * as assert from 'node:assert/strict';
import { displayUnitOf, formatDuration, formatNumber, formatValue, memoryTrendText, toDisplay } from '../../../webview-ui/src/shaping';

describe('display units', () => {
  it('bytes are shown in MiB, ratios in percent, milliseconds as they are', () => {
    assert.equal(displayUnitOf('B'), 'MiB');
    assert.equal(toDisplay(512 * 2 ** 20, 'B'), 512);
    assert.equal(displayUnitOf('ratio'), '%');
    assert.equal(toDisplay(0.0123, 'ratio'), 1.23);
    assert.equal(toDisplay(856, 'ms'), 856);
  });

  it('formats three significant digits below 1,000 and whole numbers above', () => {
    assert.deepEqual([0.125, 1.2345, 41.26, 412.4, 1234.6, 0].map(formatNumber), ['0.125', '1.23', '41.3', '412', '1235', '0']);
    assert.equal(formatValue(2.54, '%'), '2.54 %');
    assert.equal(formatValue(undefined, 'ms'), '—');
    assert.equal(formatValue(null, 'ms'), '—');
  });

  it('formats durations for people', () => {
    assert.deepEqual([12, 90, 12 * 60, 90 * 60, 19 * 3600 + 1200, 3 * 86_400].map(formatDuration), ['12 s', '2 min', '12 min', '1 h 30 min', '19 h', '3 d']);
  });
});

describe('memoryTrendText', () => {
  it('growing with a projection: "+3.1 %/h, projected limit in 19 h"', () => {
    assert.equal(memoryTrendText({ verdict: 'growing', percentPerHour: 3.14, projectedLimitInSeconds: 19 * 3600 }), '+3.1 %/h, projected limit in 19 h');
  });

  it('growing at or past the limit, or without a limit', () => {
    assert.equal(memoryTrendText({ verdict: 'growing', percentPerHour: 8, projectedLimitInSeconds: 0 }), '+8.0 %/h, at the limit now');
    assert.equal(memoryTrendText({ verdict: 'growing', percentPerHour: 5.5 }), '+5.5 %/h');
  });

  it('shrinking, flat and insufficient say so', () => {
    assert.equal(memoryTrendText({ verdict: 'shrinking', percentPerHour: -1.25 }), '−1.3 %/h');
    assert.equal(memoryTrendText({ verdict: 'flat', percentPerHour: 0.2 }), 'flat (+0.2 %/h)');
    assert.equal(memoryTrendText({ verdict: 'insufficient', percentPerHour: 0 }), 'not enough data yet');
  });
});
