import * as assert from 'node:assert/strict';
import { yRange } from '../../../webview-ui/src/shaping';

describe('yRange', () => {
  it('starts at 0 for zero-based charts and keeps a threshold above the data visible', () => {
    const [lo, hi] = yRange(0.1, 0.4, [1], { zeroBased: true });
    assert.equal(lo, 0);
    assert.ok(hi >= 1, `top ${hi} shows the 1 % line`);
    assert.ok(hi <= 1.2, `top ${hi} leaves about 10 % headroom, not more`);
  });

  it('a threshold below the data (a "<" rule) is kept visible too', () => {
    const [lo] = yRange(300, 400, [100], { zeroBased: false });
    assert.ok(lo <= 100);
  });

  it('memory (not zero-based) uses the data floor with headroom, never below 0 for positive data', () => {
    const [lo, hi] = yRange(300, 320, [], { zeroBased: false });
    assert.ok(lo > 250 && lo < 300, `bottom ${lo}`);
    assert.ok(hi > 320 && hi < 330, `top ${hi}`);
    assert.equal(yRange(1, 100, [], { zeroBased: false })[0], 0);
  });

  it('flat data and no data still give a usable range', () => {
    const [lo, hi] = yRange(5, 5, [], { zeroBased: true });
    assert.ok(lo === 0 && hi > 5);
    assert.deepEqual(yRange(null, null, [], { zeroBased: true }), [0, 1]);
    const [, top] = yRange(null, null, [1000], { zeroBased: true });
    assert.ok(top >= 1000);
  });

  it('rounds to two significant digits of the span, so a small change of the data does not move the axis', () => {
    assert.deepEqual(yRange(0, 843.2, [], { zeroBased: true }), yRange(0, 843.9, [], { zeroBased: true }));
  });
});
