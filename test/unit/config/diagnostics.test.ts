import * as assert from 'node:assert/strict';
import { parseRunbookConfig } from '../../../src/core/config';
import { markdown, parseFrontMatterOf, tuples } from './configTestHelpers';

describe('runbook config diagnostics', () => {
  describe('YAML syntax errors', () => {
    it('points at the markdown line of a bad indentation in front matter', () => {
      const { diagnostics } = parseFrontMatterOf(
        markdown([
          '---',
          'environments:',
          '  staging:',
          '    healthUrl: http://127.0.0.1:8080/health',
          '   metricsUrl: http://127.0.0.1:8080/metrics',
          '---',
          '# Deploy',
        ]),
      );
      assert.deepEqual(tuples(diagnostics), [[4, 0, 4, 1, 'error', 'yaml-syntax', 'YAML syntax error: All mapping items must start at the same column']]);
    });

    it('names a duplicate key and spans it', () => {
      const { diagnostics } = parseFrontMatterOf(markdown(['---', 'environments:', '  staging: {}', '  staging: {}', '---']));
      assert.deepEqual(tuples(diagnostics), [[3, 2, 3, 9, 'error', 'yaml-syntax', 'YAML syntax error: duplicate key "staging" (keys of a mapping must be unique)']]);
    });

    it('reports an alias without its anchor instead of throwing', () => {
      const { diagnostics, config } = parseFrontMatterOf(markdown(['---', 'environments:', '  staging: *base', '---']));
      assert.deepEqual(tuples(diagnostics), [[2, 11, 2, 16, 'error', 'yaml-syntax', 'YAML syntax error: unknown alias "*base" (define the anchor "&base" before it)']]);
      assert.ok(config.environments['staging']);
    });

    it('reports syntax errors alone, without the schema errors they cause', () => {
      const { diagnostics } = parseRunbookConfig('environments:\n\tstaging: {}\n', { file: 'a.deploy-pilot.yaml', lineOffset: 0 });
      assert.deepEqual(tuples(diagnostics), [[1, 0, 1, 1, 'error', 'yaml-syntax', 'YAML syntax error: Tabs are not allowed as indentation']]);
    });

    it('warns about an unknown tag', () => {
      const { diagnostics, config } = parseRunbookConfig('tagPattern: !glob release-*\n', { file: 'a.deploy-pilot.yaml', lineOffset: 0 });
      assert.deepEqual(tuples(diagnostics), [[0, 12, 0, 17, 'warning', 'yaml-warning', 'YAML: Unresolved tag: !glob']]);
      assert.equal(config.tagPattern, 'release-*');
    });
  });

  describe('schema violations', () => {
    it('names the key path and points at the wrong value', () => {
      const { diagnostics } = parseFrontMatterOf(
        markdown([
          '---',
          'environments:',
          '  staging:',
          '    healthUrl: 127.0.0.1:8080',
          '    health:',
          '      interval: 30s',
          '      timeout: ten seconds',
          '      retries: three',
          '      acceptedStatus: [200, "2xx", 700]',
          '    autoRollback:',
          '      enabled: yes',
          'alerts:',
          '  - name: error_rate',
          '    severity: high',
          'variables:',
          '  VERSION: 1.10',
          '  9LIVES: x',
          '---',
        ]),
      );
      const status = 'must be an HTTP status code like 200 or a range like "200-299"';
      assert.deepEqual(tuples(diagnostics), [
        [3, 15, 3, 29, 'error', 'schema', 'environments.staging.healthUrl: must be an http:// or https:// URL'],
        [6, 15, 6, 26, 'error', 'schema', 'environments.staging.health.timeout: must be a duration like "10s" or a number of seconds'],
        [7, 15, 7, 20, 'error', 'schema', 'environments.staging.health.retries: must be a whole number'],
        [8, 28, 8, 33, 'error', 'schema', `environments.staging.health.acceptedStatus[1]: ${status}`],
        [8, 35, 8, 38, 'error', 'schema', `environments.staging.health.acceptedStatus[2]: ${status}`],
        [10, 15, 10, 18, 'error', 'schema', 'environments.staging.autoRollback.enabled: must be true or false'],
        [12, 4, 12, 20, 'error', 'schema', 'alerts[0]: missing required key "condition"'],
        [13, 14, 13, 18, 'error', 'schema', 'alerts[0].severity: must be one of: warning, critical'],
        [
          15,
          11,
          15,
          15,
          'error',
          'schema',
          'variables.VERSION: must be a text value (quote numbers such as "1.10" so YAML keeps them as written) or a mapping with default, description, secret and prompt',
        ],
        [16, 2, 16, 8, 'error', 'schema', `variables: key "9LIVES" must be a variable name: letters, digits and '_', not starting with a digit`],
      ]);
    });

    it('reports unknown keys with a "did you mean" when one is close', () => {
      const { diagnostics } = parseFrontMatterOf(
        markdown([
          '---',
          'version: 1',
          'enviroments:',
          '  staging: {}',
          'environments:',
          '  staging:',
          '    helthUrl: http://127.0.0.1:8080/health',
          'notes: hi',
          '---',
        ]),
      );
      assert.deepEqual(tuples(diagnostics), [
        [2, 0, 2, 11, 'error', 'unknown-key', 'unknown key "enviroments" (did you mean "environments"?)'],
        [6, 4, 6, 12, 'error', 'unknown-key', 'environments.staging: unknown key "helthUrl" (did you mean "healthUrl"?)'],
        [7, 0, 7, 5, 'error', 'unknown-key', 'unknown key "notes"'],
      ]);
    });

    it('refuses a config that is not a mapping', () => {
      const { diagnostics } = parseFrontMatterOf(markdown(['---', '- a', '- b', '---']));
      assert.deepEqual(tuples(diagnostics), [[1, 0, 1, 3, 'error', 'schema', 'the config must be a mapping of keys to values, like "environments:"']]);
    });

    it('refuses version 2 and a repeated container', () => {
      const { diagnostics } = parseRunbookConfig('version: 2\nenvironments:\n  prod:\n    containers: [web, web]\n', { file: 'a.deploy-pilot.yaml', lineOffset: 0 });
      assert.deepEqual(tuples(diagnostics), [
        [0, 9, 0, 10, 'error', 'schema', 'version: must be 1 (the only config format version)'],
        [3, 22, 3, 25, 'error', 'schema', 'environments.prod.containers[1]: repeats item 0 of the list'],
      ]);
    });
  });

  describe('semantic checks', () => {
    it('warns when the timeout is over 80 % of the interval, and caps it', () => {
      const { diagnostics, config } = parseFrontMatterOf(
        markdown([
          '---',
          'environments:',
          '  staging:',
          '    healthUrl: http://127.0.0.1:8080/health',
          '    health:',
          '      interval: 1m',
          '      timeout: 55s',
          '  production:',
          '    healthUrl: http://127.0.0.1:9080/health',
          '    health:',
          '      timeout: 50',
          '---',
        ]),
      );
      assert.deepEqual(tuples(diagnostics), [
        [
          6,
          15,
          6,
          18,
          'warning',
          'timeout-exceeds-interval',
          'environments.staging.health.timeout: 55 s is more than 80 % of the 1 min interval; each check times out after 48 s (capped as Uptime Kuma does)',
        ],
        [
          10,
          15,
          10,
          17,
          'warning',
          'timeout-exceeds-interval',
          'environments.production.health.timeout: 50 s is more than 80 % of the default 1 min interval; each check times out after 48 s (capped as Uptime Kuma does)',
        ],
      ]);
      assert.equal(config.environments['staging']?.health.timeoutSeconds, 48);
      assert.equal(config.environments['production']?.health.timeoutSeconds, 48);
    });

    it('refuses a default value for a secret, and drops it', () => {
      const { diagnostics, config } = parseFrontMatterOf(markdown(['---', 'variables:', '  API_KEY:', '    secret: true', '    default: hunter2', '---']));
      assert.deepEqual(tuples(diagnostics), [
        [
          4,
          4,
          4,
          11,
          'error',
          'secret-default',
          'variables.API_KEY.default: a secret variable must not have a default value: secrets do not belong in files (it is asked for when needed)',
        ],
      ]);
      assert.deepEqual(config.variables['API_KEY'], { name: 'API_KEY', secret: true });
    });

    it('checks alert names and the environments and alerts they refer to', () => {
      const { diagnostics, config } = parseFrontMatterOf(
        markdown([
          '---',
          'environments:',
          '  staging:',
          '    healthUrl: http://127.0.0.1:8080/health',
          '    autoRollback:',
          '      enabled: true',
          '      alerts: [eror_rate, slow]',
          '  production: {}',
          'alerts:',
          '  - name: error_rate',
          '    condition: error_rate > 1%',
          '    environments: [stagin, prod]',
          '  - name: error_rate',
          '    condition: error_rate > 5%',
          '---',
        ]),
      );
      assert.deepEqual(tuples(diagnostics), [
        [6, 15, 6, 24, 'error', 'unknown-alert', 'environments.staging.autoRollback.alerts[0]: unknown alert "eror_rate" (did you mean "error_rate"?)'],
        [6, 26, 6, 30, 'error', 'unknown-alert', 'environments.staging.autoRollback.alerts[1]: unknown alert "slow"'],
        [11, 19, 11, 25, 'error', 'unknown-environment', 'alerts[0].environments[0]: unknown environment "stagin" (did you mean "staging"?)'],
        [11, 27, 11, 31, 'error', 'unknown-environment', 'alerts[0].environments[1]: unknown environment "prod"'],
        [12, 10, 12, 20, 'error', 'duplicate-alert', 'alerts[1].name: duplicate alert name "error_rate" (also alerts[0])'],
      ]);
      assert.deepEqual(
        config.alerts.map((alert) => alert.condition),
        ['error_rate > 1%'],
      );
      assert.deepEqual(config.environments['staging']?.autoRollback.alerts, []);
    });

    it('refuses a health interval under 250 ms (its timeout would round to nothing)', () => {
      const { diagnostics } = parseFrontMatterOf(
        markdown(['---', 'environments:', '  staging:', '    healthUrl: http://127.0.0.1:8080/health', '    health:', '      interval: 200ms', '---']),
      );
      assert.deepEqual(tuples(diagnostics), [
        [5, 16, 5, 21, 'error', 'interval-too-short', 'environments.staging.health.interval: must be at least 250 ms (a probe needs time to answer)'],
      ]);
    });

    it('warns about settings that cannot take effect and credentials in the file', () => {
      const { diagnostics } = parseFrontMatterOf(
        markdown([
          '---',
          'environments:',
          '  staging:',
          '    promql:',
          '      error_rate: sum(rate(x[5m]))',
          '    health:',
          '      interval: 0',
          '      acceptedStatus: ["299-200"]',
          '      headers:',
          '        Authorization: Bearer abc123',
          '        X-Token: ${secret:}',
          '    autoRollback:',
          '      enabled: true',
          'alerts:',
          '  - name: slow',
          '    condition: response_time_p95 > 1000ms',
          '---',
        ]),
      );
      assert.deepEqual(tuples(diagnostics), [
        [3, 4, 3, 10, 'warning', 'promql-without-prometheus', 'environments.staging.promql: these queries need "prometheusUrl" (the Prometheus server to send them to)'],
        [5, 4, 5, 10, 'warning', 'health-without-url', 'environments.staging.health: has no effect without "healthUrl"'],
        [6, 16, 6, 17, 'error', 'zero-duration', 'environments.staging.health.interval: must be more than 0 seconds'],
        [7, 23, 7, 32, 'error', 'status-range', 'environments.staging.health.acceptedStatus[0]: "299-200" must go from the lower code to the higher one ("200-299")'],
        [
          9,
          23,
          9,
          36,
          'warning',
          'credential-in-file',
          'environments.staging.health.headers.Authorization: looks like a credential written into the file; reference a secret instead, like "${secret:API_KEY}"',
        ],
        [10, 17, 10, 27, 'error', 'secret-reference', 'environments.staging.health.headers.X-Token: must reference a secret as ${secret:NAME} (NAME: letters, digits and "_")'],
        [
          12,
          6,
          12,
          13,
          'warning',
          'no-rollback-trigger',
          'environments.staging.autoRollback.enabled: auto-rollback is enabled but no alert can trigger it; list them in "alerts" or add a critical alert that applies to "staging"',
        ],
      ]);
    });

    it('requires "expected" with "jsonPath"', () => {
      const { diagnostics } = parseRunbookConfig('environments:\n  s:\n    healthUrl: http://127.0.0.1:1/\n    health:\n      jsonPath: $.status\n', {
        file: 'a.deploy-pilot.yaml',
        lineOffset: 0,
      });
      assert.deepEqual(tuples(diagnostics), [[4, 6, 4, 14, 'error', 'schema', 'environments.s.health: "expected" is required when "jsonPath" is set']]);
    });
  });
});
