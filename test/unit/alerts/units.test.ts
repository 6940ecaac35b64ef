import * as assert from 'node:assert/strict';
import type { Quantity } from '../../../src/core/alerts';
import { parseAlertCondition } from '../../../src/core/alerts';

function threshold(text: string): Quantity {
  const result = parseAlertCondition(text);
  assert.ok(result.ok, `"${text}" did not parse: ${result.ok ? '' : result.error}`);
  return result.value.threshold;
}

describe('threshold units: as written, plus a canonical value', () => {
  const cases: Array<[string, Quantity]> = [
    ['error_rate > 1%', { value: 1, unit: '%', raw: '1%', canonical: { value: 0.01, unit: 'ratio' } }],
    ['error_rate > 0.5 %', { value: 0.5, unit: '%', raw: '0.5 %', canonical: { value: 0.005, unit: 'ratio' } }],
    ['error_rate > 1.1 percent', { value: 1.1, unit: '%', raw: '1.1 percent', canonical: { value: 0.011, unit: 'ratio' } }],
    ['latency > 1000ms', { value: 1000, unit: 'ms', raw: '1000ms', canonical: { value: 1000, unit: 'ms' } }],
    ['latency > 1,000ms', { value: 1000, unit: 'ms', raw: '1,000ms', canonical: { value: 1000, unit: 'ms' } }],
    ['latency > 1s', { value: 1, unit: 's', raw: '1s', canonical: { value: 1000, unit: 'ms' } }],
    ['latency > 1.1 seconds', { value: 1.1, unit: 's', raw: '1.1 seconds', canonical: { value: 1100, unit: 'ms' } }],
    ['latency > 250 milliseconds', { value: 250, unit: 'ms', raw: '250 milliseconds', canonical: { value: 250, unit: 'ms' } }],
    ['latency > 2min', { value: 2, unit: 'min', raw: '2min', canonical: { value: 120_000, unit: 'ms' } }],
    ['latency > 1h', { value: 1, unit: 'h', raw: '1h', canonical: { value: 3_600_000, unit: 'ms' } }],
    ['memory > 100B', { value: 100, unit: 'B', raw: '100B', canonical: { value: 100, unit: 'B' } }],
    ['memory > 10KB', { value: 10, unit: 'KB', raw: '10KB', canonical: { value: 10_000, unit: 'B' } }],
    ['memory > 512MB', { value: 512, unit: 'MB', raw: '512MB', canonical: { value: 512_000_000, unit: 'B' } }],
    ['memory > 512 mb', { value: 512, unit: 'MB', raw: '512 mb', canonical: { value: 512_000_000, unit: 'B' } }],
    ['memory > 2GB', { value: 2, unit: 'GB', raw: '2GB', canonical: { value: 2_000_000_000, unit: 'B' } }],
    ['memory > 10KiB', { value: 10, unit: 'KiB', raw: '10KiB', canonical: { value: 10_240, unit: 'B' } }],
    ['memory > 512MiB', { value: 512, unit: 'MiB', raw: '512MiB', canonical: { value: 536_870_912, unit: 'B' } }],
    ['memory > 1.5GiB', { value: 1.5, unit: 'GiB', raw: '1.5GiB', canonical: { value: 1_610_612_736, unit: 'B' } }],
    ['memory_growth > 50MB in 1h', { value: 50, unit: 'MB', raw: '50MB', canonical: { value: 50_000_000, unit: 'B' } }],
    ['process_restarts > 3', { value: 3, unit: 'count', raw: '3', canonical: { value: 3, unit: 'count' } }],
    ['health_status != 200', { value: 200, unit: 'status', raw: '200', canonical: { value: 200, unit: 'status' } }],
    ['request_rate < 10', { value: 10, unit: '/s', raw: '10', canonical: { value: 10, unit: '/s' } }],
    ['request_rate < 10/s', { value: 10, unit: '/s', raw: '10/s', canonical: { value: 10, unit: '/s' } }],
    ['request_rate < 10 req/s', { value: 10, unit: '/s', raw: '10 req/s', canonical: { value: 10, unit: '/s' } }],
    ['request_rate < 10 rps', { value: 10, unit: '/s', raw: '10 rps', canonical: { value: 10, unit: '/s' } }],
    ['queue_depth > 100', { value: 100, unit: 'count', raw: '100', canonical: { value: 100, unit: 'count' } }],
    ['memory_growth > -5%', { value: -5, unit: '%', raw: '-5%', canonical: { value: -0.05, unit: 'ratio' } }],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}"`, () => assert.deepEqual(threshold(text), expected));
  }

  it('accepts a custom metric in any unit', () => {
    assert.equal(threshold('queue_wait > 3s').canonical.value, 3000);
    assert.equal(threshold('disk_used > 80%').canonical.value, 0.8);
  });

  it('never reads M as minutes or as megabytes', () => {
    const result = parseAlertCondition('memory > 512M');
    assert.deepEqual(result, {
      ok: false,
      error:
        "expected a unit after 512 for memory_usage, which is measured as a percentage (%) or a size (B, KB, MB, GB, KiB, MiB, GiB), found 'M'",
      column: 12,
    });
  });
});
