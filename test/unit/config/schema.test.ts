import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONFIG_DEFAULTS, parseDuration, RUNBOOK_CONFIG_SCHEMA_ID, runbookConfigSchema } from '../../../src/core/config';
import { closestMatch, levenshtein } from '../../../src/core/config/levenshtein';
import { readSchemaFile, renderSchemaModule, SCHEMA_MODULE_FILE } from './syncSchemaModule';

type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('runbook config schema', () => {
  const fileSchema = readSchemaFile() as SchemaNode;

  it('schema module matches schemas/runbook-config.schema.json (regenerate: see syncSchemaModule.ts)', () => {
    assert.deepEqual(runbookConfigSchema, fileSchema);
    assert.equal(readFileSync(SCHEMA_MODULE_FILE, 'utf8'), renderSchemaModule(fileSchema));
  });

  it('has an $id, and a title and description for every property', () => {
    assert.match(RUNBOOK_CONFIG_SCHEMA_ID, /^https:\/\/.+\/runbook-config\.schema\.json$/);
    const definitions = fileSchema['definitions'] as Record<string, SchemaNode>;
    const resolve = (node: SchemaNode): SchemaNode => {
      const ref = node['$ref'];
      return typeof ref === 'string' ? { ...definitions[ref.replace('#/definitions/', '')], ...node } : node;
    };
    const missing: string[] = [];
    const visit = (node: SchemaNode, where: string): void => {
      const properties = node['properties'];
      if (!isNode(properties)) return;
      for (const [name, property] of Object.entries(properties)) {
        if (!isNode(property)) continue;
        const resolved = resolve(property);
        if (typeof resolved['title'] !== 'string' || typeof resolved['description'] !== 'string') missing.push(`${where}${name}`);
        visit(resolved, `${where}${name}.`);
        if (isNode(resolved['additionalProperties'])) visit(resolve(resolved['additionalProperties']), `${where}${name}.*.`);
        if (isNode(resolved['items'])) visit(resolve(resolved['items']), `${where}${name}[].`);
      }
    };
    visit(fileSchema, '');
    assert.deepEqual(missing, []);
  });

  it('documents the same defaults that normalizeConfig applies', () => {
    const s = runbookConfigSchema;
    const d = s.definitions;
    assert.equal(s.properties.tagPattern.default, CONFIG_DEFAULTS.tagPattern);
    assert.equal(s.properties.runs.properties.folder.default, CONFIG_DEFAULTS.runsFolder);
    assert.equal(s.properties.rollback.properties.verify.properties.consecutiveHealthy.default, CONFIG_DEFAULTS.rollbackConsecutiveHealthy);
    assert.equal(parseDuration(s.properties.rollback.properties.verify.properties.timeout.default), CONFIG_DEFAULTS.rollbackVerifyTimeoutSeconds);
    assert.equal(parseDuration(d.healthCheck.properties.interval.default), CONFIG_DEFAULTS.healthIntervalSeconds);
    assert.equal(d.healthCheck.properties.retries.default, CONFIG_DEFAULTS.healthRetries);
    assert.deepEqual(d.healthCheck.properties.acceptedStatus.default, ['200-299']);
    assert.equal(d.autoRollback.properties.enabled.default, CONFIG_DEFAULTS.autoRollbackEnabled);
    assert.equal(parseDuration(d.autoRollback.properties.countdown.default), CONFIG_DEFAULTS.autoRollbackCountdownSeconds);
    assert.equal(parseDuration(d.alert.properties.for.default), CONFIG_DEFAULTS.alertForSeconds);
    assert.equal(d.alert.properties.severity.default, CONFIG_DEFAULTS.alertSeverity);
  });
});

describe('did-you-mean suggestions', () => {
  it('measures edit distance', () => {
    assert.equal(levenshtein('enviroments', 'environments'), 1);
    assert.equal(levenshtein('kitten', 'sitting'), 3);
    assert.equal(levenshtein('', 'abc'), 3);
  });

  it('suggests only names at most 2 edits away, ignoring case', () => {
    assert.equal(closestMatch('HealthURL', ['healthUrl', 'metricsUrl']), 'healthUrl');
    assert.equal(closestMatch('alrets', ['alerts', 'variables']), 'alerts');
    assert.equal(closestMatch('notes', ['alerts', 'version', 'runs']), undefined);
  });
});
