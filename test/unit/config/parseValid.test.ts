import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../repoPaths';
import type { RunbookConfig } from '../../../src/core/config';
import { extractFrontMatter, normalizeConfig, parseRunbookConfig } from '../../../src/core/config';

const FIXTURE = path.join(REPO_ROOT, 'test', 'unit', 'config', 'fixtures', 'full-config.runbook.md');

describe('parseRunbookConfig on a full valid config', () => {
  const markdown = readFileSync(FIXTURE, 'utf8');
  const frontMatter = extractFrontMatter(markdown);
  assert.ok(frontMatter);
  const result = parseRunbookConfig(frontMatter.yaml, { file: FIXTURE, lineOffset: frontMatter.startLine });

  it('finds the front matter at the top of the runbook', () => {
    assert.equal(frontMatter.startLine, 1);
    assert.equal(markdown.split('\n')[frontMatter.endLine], '---');
  });

  it('reports nothing', () => {
    assert.deepEqual(result.diagnostics, []);
  });

  it('normalizes it: defaults applied, durations in seconds, timeouts capped', () => {
    const expected: RunbookConfig = {
      version: 1,
      environments: {
        staging: {
          name: 'staging',
          healthUrl: 'http://127.0.0.1:18080/api/health',
          metricsUrl: 'http://127.0.0.1:18080/metrics',
          prometheusUrl: 'http://127.0.0.1:19090',
          dockerHost: 'unix:///var/run/docker.sock',
          composeFiles: ['docker-compose.staging.yml'],
          composeProject: 'aidrive-staging',
          containers: [],
          services: ['dashboard'],
          cwd: '/staging/aidrive_genspark',
          health: {
            intervalSeconds: 30,
            timeoutSeconds: 10,
            retries: 2,
            acceptedStatus: [
              { min: 200, max: 200 },
              { min: 201, max: 204 },
            ],
            json: { path: '$.status', expected: 'ok' },
            headers: { 'X-API-Key': '${secret:API_KEY}' },
          },
          // Not written: every critical alert that applies to staging, rollback disabled.
          autoRollback: { enabled: false, alerts: ['error_rate', 'oom_conditions'], countdownSeconds: 60 },
          promql: {
            error_rate: 'sum(rate(http_errors_total[5m])) / sum(rate(http_requests_total[5m]))',
            response_time_p95: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
          },
        },
        production: {
          name: 'production',
          healthUrl: 'http://127.0.0.1:28080/api/health',
          metricsUrl: 'http://127.0.0.1:28080/metrics',
          dockerHost: 'tcp://127.0.0.1:2375',
          composeFiles: ['docker-compose.yml', 'docker-compose.production.yml'],
          containers: ['aidrive-dashboard'],
          services: [],
          health: {
            intervalSeconds: 60,
            timeoutSeconds: 48,
            retries: 0,
            acceptedStatus: [{ min: 200, max: 299 }],
            keyword: '"status": "ok"',
            headers: {},
          },
          autoRollback: { enabled: true, alerts: ['error_rate', 'oom_conditions'], countdownSeconds: 120 },
          promql: {},
        },
      },
      variables: {
        DOCKER_TAG: { name: 'DOCKER_TAG', default: 'v1.0.0-rc1', secret: false },
        PREVIOUS_TAG: { name: 'PREVIOUS_TAG', description: 'Release to roll back to', secret: false, prompt: 'Which tag should be restored?' },
        API_KEY: { name: 'API_KEY', description: 'Dashboard API key (X-API-Key header)', secret: true, prompt: 'Dashboard API key' },
      },
      alerts: [
        { name: 'memory_growth', condition: 'memory_growth > 5% in 1 hour', forSeconds: 0, severity: 'warning' },
        { name: 'error_rate', condition: 'error_rate > 1%', forSeconds: 120, severity: 'critical' },
        { name: 'response_time_p95', condition: 'response_time_p95 > 1000ms', forSeconds: 300, severity: 'warning' },
        { name: 'process_restarts', condition: 'process_restarts > 0', forSeconds: 0, severity: 'warning', environments: ['production'] },
        { name: 'oom_conditions', condition: 'oom_conditions > 0', forSeconds: 0, severity: 'critical' },
      ],
      tagPattern: 'v*',
      rollback: { verify: { consecutiveHealthy: 5, timeoutSeconds: 600 } },
      runs: { folder: '.deploy-pilot/runs' },
    };
    assert.deepEqual(result.config, expected);
  });

  it('keeps the input as written for merging', () => {
    assert.equal(result.input.environments?.['staging']?.health?.interval, '30s');
    assert.equal(result.input.alerts?.length, 5);
  });

  it('gives an empty config all the defaults', () => {
    const empty = parseRunbookConfig('', { file: 'RUNBOOK.md', lineOffset: 1 });
    assert.deepEqual(empty.diagnostics, []);
    assert.deepEqual(empty.config, {
      version: 1,
      environments: {},
      variables: {},
      alerts: [],
      tagPattern: 'v*',
      rollback: { verify: { consecutiveHealthy: 3, timeoutSeconds: 300 } },
      runs: { folder: '.deploy-pilot/runs' },
    });
    assert.deepEqual(normalizeConfig(undefined), empty.config);
  });

  it('gives an environment with nothing but a URL Uptime Kuma\'s health defaults', () => {
    const { config, diagnostics } = parseRunbookConfig('environments:\n  staging:\n    healthUrl: http://127.0.0.1:8080/health\n', {
      file: 'x.deploy-pilot.yaml',
      lineOffset: 0,
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.environments['staging']?.health, {
      intervalSeconds: 60,
      timeoutSeconds: 48,
      retries: 0,
      acceptedStatus: [{ min: 200, max: 299 }],
      headers: {},
    });
  });

  it('follows YAML merge keys (<<: *anchor) between environments', () => {
    const yaml = [
      'environments:',
      '  staging: &base',
      '    healthUrl: http://127.0.0.1:8080/health',
      '    health:',
      '      interval: 20s',
      '  production:',
      '    <<: *base',
      '    healthUrl: http://127.0.0.1:9080/health',
      '',
    ].join('\n');
    const { config, diagnostics } = parseRunbookConfig(yaml, { file: 'x.deploy-pilot.yaml', lineOffset: 0 });
    assert.deepEqual(diagnostics, []);
    assert.equal(config.environments['production']?.healthUrl, 'http://127.0.0.1:9080/health');
    assert.equal(config.environments['production']?.health.intervalSeconds, 20);
    assert.equal(config.environments['production']?.health.timeoutSeconds, 16);
  });
});
