import * as assert from 'node:assert/strict';
import {
  alertAppliesTo,
  findSecretReferences,
  isAcceptedStatus,
  maxHealthTimeoutSeconds,
  parseStatusRange,
  replaceSecretReferences,
} from '../../../src/core/config';

describe('config helpers', () => {
  it('caps health timeouts at 80 % of the interval, rounded down to 0.1 s as Uptime Kuma does', () => {
    assert.equal(maxHealthTimeoutSeconds(60), 48);
    assert.equal(maxHealthTimeoutSeconds(30), 24);
    assert.equal(maxHealthTimeoutSeconds(21), 16.8);
    assert.equal(maxHealthTimeoutSeconds(0.5), 0.4);
  });

  it('reads accepted status codes and ranges', () => {
    assert.deepEqual(parseStatusRange(204), { min: 204, max: 204 });
    assert.deepEqual(parseStatusRange('200-299'), { min: 200, max: 299 });
    assert.deepEqual(parseStatusRange('301'), { min: 301, max: 301 });
    assert.equal(parseStatusRange('2xx'), undefined);
    assert.equal(parseStatusRange(700), undefined);
    const ranges = [{ min: 200, max: 299 }, { min: 304, max: 304 }];
    assert.equal(isAcceptedStatus(204, ranges), true);
    assert.equal(isAcceptedStatus(304, ranges), true);
    assert.equal(isAcceptedStatus(301, ranges), false);
  });

  it('finds and replaces ${secret:NAME} references', () => {
    assert.deepEqual(findSecretReferences('Bearer ${secret:TOKEN} ${secret:OTHER}'), ['TOKEN', 'OTHER']);
    assert.deepEqual(findSecretReferences('${secret:} ${SECRET:X}'), []);
    assert.equal(replaceSecretReferences('Bearer ${secret:TOKEN}', (name) => `<${name}>`), 'Bearer <TOKEN>');
  });

  it('applies an alert to every environment unless it lists them', () => {
    assert.equal(alertAppliesTo({}, 'staging'), true);
    assert.equal(alertAppliesTo({ environments: ['production'] }, 'staging'), false);
    assert.equal(alertAppliesTo({ environments: ['production'] }, 'production'), true);
  });
});
