import * as assert from 'node:assert/strict';
import type { EnvironmentHealthInput, HealthStatus, OverallHealth } from '../../../src/core/health';
import { environmentHealth, overallHealth } from '../../../src/core/health';

type Alert = EnvironmentHealthInput['alerts'][number];
const warning = (state: Alert['state']): Alert => ({ severity: 'warning', state });
const critical = (state: Alert['state']): Alert => ({ severity: 'critical', state });

describe('environmentHealth', () => {
  const cases: Array<[HealthStatus | undefined, Alert[], OverallHealth]> = [
    ['UP', [], 'healthy'],
    ['UP', [warning('inactive'), critical('inactive')], 'healthy'],
    ['UP', [warning('pending')], 'healthy'],
    ['UP', [warning('firing')], 'degraded'],
    ['UP', [critical('pending')], 'degraded'],
    ['UP', [critical('firing')], 'down'],
    ['PENDING', [], 'degraded'],
    ['PENDING', [critical('firing')], 'down'],
    ['DOWN', [], 'down'],
    ['DOWN', [warning('inactive')], 'down'],
    ['UNKNOWN', [], 'unknown'],
    ['UNKNOWN', [warning('firing')], 'degraded'],
    ['UNKNOWN', [critical('firing')], 'down'],
    [undefined, [], 'unknown'],
    [undefined, [critical('pending')], 'degraded'],
  ];
  for (const [health, alerts, expected] of cases) {
    it(`${health ?? 'no probe'} with [${alerts.map((a) => `${a.severity} ${a.state}`).join(', ')}] → ${expected}`, () => {
      assert.equal(environmentHealth({ health, alerts }), expected);
    });
  }
});

describe('overallHealth', () => {
  const env = (health: HealthStatus | undefined, ...alerts: Alert[]): EnvironmentHealthInput => ({ health, alerts });

  it('is the worst environment: down > degraded > healthy > unknown', () => {
    assert.equal(overallHealth([env('UP'), env('DOWN'), env('PENDING')]), 'down');
    assert.equal(overallHealth([env('UP'), env('UP', warning('firing'))]), 'degraded');
    assert.equal(overallHealth([env('UP'), env('UP')]), 'healthy');
    assert.equal(overallHealth([env('UNKNOWN'), env('UP')]), 'healthy');
    assert.equal(overallHealth([env(undefined), env('UNKNOWN')]), 'unknown');
    assert.equal(overallHealth([env('UNKNOWN'), env('UP', critical('firing'))]), 'down');
  });

  it('is unknown with no environments', () => {
    assert.equal(overallHealth([]), 'unknown');
  });
});
