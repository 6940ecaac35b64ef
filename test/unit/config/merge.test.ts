import * as assert from 'node:assert/strict';
import { loadRunbookConfig, mergeConfigs, sidecarPathFor } from '../../../src/core/config';
import { markdown, tuples } from './configTestHelpers';

describe('mergeConfigs', () => {
  it('merges the sidecar under the front matter: front matter wins per key', () => {
    const merged = mergeConfigs(
      {
        tagPattern: 'release-*',
        environments: {
          staging: { healthUrl: 'http://127.0.0.1:8080/health', containers: ['a', 'b'], health: { interval: '10s', timeout: '5s' } },
          production: { healthUrl: 'http://127.0.0.1:9080/health' },
        },
        alerts: [{ name: 'from_sidecar', condition: 'x > 1' }],
      },
      {
        environments: { staging: { containers: ['c'], health: { interval: '30s' } } },
        alerts: [{ name: 'from_front_matter', condition: 'y > 1' }],
      },
    );
    assert.deepEqual(merged, {
      tagPattern: 'release-*',
      environments: {
        staging: { healthUrl: 'http://127.0.0.1:8080/health', containers: ['c'], health: { interval: '30s', timeout: '5s' } },
        production: { healthUrl: 'http://127.0.0.1:9080/health' },
      },
      alerts: [{ name: 'from_front_matter', condition: 'y > 1' }],
    });
  });

  it('takes either side alone, and keeps a "__proto__" key a plain key', () => {
    assert.deepEqual(mergeConfigs(undefined, { tagPattern: 'v*' }), { tagPattern: 'v*' });
    assert.deepEqual(mergeConfigs({ tagPattern: 'v*' }, undefined), { tagPattern: 'v*' });
    const hostile = JSON.parse('{"variables": {"__proto__": {"polluted": true}}}') as Parameters<typeof mergeConfigs>[0];
    const merged = mergeConfigs(hostile, {});
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.ok(merged.variables && Object.hasOwn(merged.variables, '__proto__'));
  });
});

describe('loadRunbookConfig', () => {
  const runbook = {
    file: '/ws/docs/DEPLOY.md',
    text: markdown([
      '---',
      'environments:',
      '  staging:',
      '    health:',
      '      interval: 30s',
      'alerts:',
      '  - name: error_rate',
      '    condition: error_rate > 1%',
      '    severity: critical',
      '    environments: [production]',
      '---',
      '# Deploy',
    ]),
  };
  const sidecar = {
    file: '/ws/docs/DEPLOY.deploy-pilot.yaml',
    text: [
      'tagPattern: release-*',
      'environments:',
      '  staging:',
      '    healthUrl: http://127.0.0.1:8080/health',
      '    health:',
      '      interval: 10s',
      '      timeout: 20s',
      '  production:',
      '    healthUrl: http://127.0.0.1:9080/health',
      '    autoRollback:',
      '      enabled: true',
      '      alerts: [error_rate]',
      '    helthUrl: x',
      'alerts:',
      '  - name: ignored',
      '    condition: never > 1',
      '',
    ].join('\n'),
  };

  it('applies front matter over sidecar, checking references across both files', () => {
    const { config, diagnostics, frontMatter } = loadRunbookConfig({ runbook, sidecar });
    assert.deepEqual(frontMatter, { yaml: runbook.text.split('\n').slice(1, 10).join('\n') + '\n', startLine: 1, endLine: 10 });
    assert.equal(config.tagPattern, 'release-*');
    const staging = config.environments['staging'];
    assert.equal(staging?.healthUrl, 'http://127.0.0.1:8080/health');
    assert.equal(staging?.health.intervalSeconds, 30, 'front matter wins');
    // The sidecar's 20 s timeout was over 80 % of 10 s but fits the merged 30 s interval.
    assert.equal(staging?.health.timeoutSeconds, 20);
    assert.deepEqual(
      config.alerts.map((alert) => alert.name),
      ['error_rate'],
      'the front matter list replaces the sidecar list',
    );
    assert.deepEqual(config.environments['production']?.autoRollback, { enabled: true, alerts: ['error_rate'], countdownSeconds: 60 });
    // Only the sidecar's typo: "production" (front matter) and "error_rate" (sidecar) resolve across files.
    assert.deepEqual(
      diagnostics.map((d) => [d.file, ...tuples([d])[0]!]),
      [['/ws/docs/DEPLOY.deploy-pilot.yaml', 12, 4, 12, 12, 'error', 'unknown-key', 'environments.production: unknown key "helthUrl" (did you mean "healthUrl"?)']],
    );
  });

  it('places cross-file findings in the file that writes the value', () => {
    const { diagnostics } = loadRunbookConfig({
      runbook: { file: 'RUNBOOK.md', text: markdown(['---', 'environments:', '  staging:', '    health:', '      timeout: 1m', '---']) },
      sidecar: { file: 'RUNBOOK.deploy-pilot.yaml', text: 'environments:\n  staging:\n    healthUrl: http://127.0.0.1:8080/health\n    health:\n      interval: 30s\n' },
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
      [['RUNBOOK.md', 4, 15, 'timeout-exceeds-interval']],
    );
  });

  it('works with only one of the two files, or none', () => {
    assert.equal(loadRunbookConfig({ sidecar }).config.tagPattern, 'release-*');
    assert.equal(loadRunbookConfig({ runbook }).config.environments['staging']?.health.intervalSeconds, 30);
    const none = loadRunbookConfig({ runbook: { file: 'RUNBOOK.md', text: '# Deploy\n' } });
    assert.deepEqual(none.diagnostics, []);
    assert.equal(none.frontMatter, undefined);
    assert.deepEqual(none.config.environments, {});
  });

  it('names the sidecar next to the runbook', () => {
    assert.equal(sidecarPathFor('docs/DEPLOY.md'), 'docs/DEPLOY.deploy-pilot.yaml');
    assert.equal(sidecarPathFor('/ws/release.runbook.markdown'), '/ws/release.runbook.deploy-pilot.yaml');
  });
});
