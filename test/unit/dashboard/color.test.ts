import * as assert from 'node:assert/strict';
import { parseColor, withAlpha } from '../../../webview-ui/src/chart/color';

describe('chart colours from theme variables', () => {
  it('parses the forms VS Code themes use', () => {
    assert.deepEqual(parseColor('#f14c4c'), [241, 76, 76, 1]);
    assert.deepEqual(parseColor('#fff'), [255, 255, 255, 1]);
    assert.deepEqual(parseColor('#ffffff80'), [255, 255, 255, 128 / 255]);
    assert.deepEqual(parseColor('rgba(204, 204, 204, 0.5)'), [204, 204, 204, 0.5]);
    assert.equal(parseColor('var(--x)'), undefined);
  });

  it('multiplies the alpha, and passes unknown syntax through', () => {
    assert.equal(withAlpha('#f14c4c', 0.18), 'rgba(241, 76, 76, 0.18)');
    assert.equal(withAlpha('rgba(204, 204, 204, 0.5)', 0.5), 'rgba(204, 204, 204, 0.25)');
    assert.equal(withAlpha('red', 0.5), 'red');
  });
});
