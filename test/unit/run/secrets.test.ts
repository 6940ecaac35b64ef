import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RunRecord } from '../../../src/core/run';
import {
  formatDryRun,
  planStep,
  reduce,
  redactJson,
  redactSecrets,
  renderCommand,
  renderRunReport,
  resolveVariables,
  secretNamesOf,
  toVariableRecords,
  valuesOf,
} from '../../../src/core/run';
import { parseRunbook } from '../../../src/core/runbook';
import { RunRecordStore } from '../../../src/infra/runRecords';
import { at, newRecord, section, tempFolders } from './runTestHelpers';

const temp = tempFolders();

const SECRETS = [
  'sk-live-0123456789',
  `p@ss"word' with $HOME and \`id\``,
  'multi\nline\tsecret\r\n',
  '${API_KEY}-lookalike $(rm -rf /)',
  'ünï\u202ecode-secret',
  '</script><!-- "json" \\ breaker',
];

/** The secret as it may appear in a JSON file: raw, JSON-escaped, or shell-quoted. */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), `'${secret.replace(/'/g, `'\\''`)}'`];
}

function assertAbsent(haystack: string, secret: string, where: string): void {
  for (const form of forms(secret)) assert.ok(!haystack.includes(form), `${where} holds the secret ${JSON.stringify(secret)} as ${JSON.stringify(form)}`);
}

const RUNBOOK = [
  '---',
  'variables:',
  '  DEPLOY_WEBHOOK: { secret: true }',
  '---',
  '# Deploy',
  '## Step 1: Deploy (5 minutes)',
  '```bash',
  'curl -s -H "X-API-Key: $API_KEY" https://api/deploy?env=<environment>',
  'curl -X POST -d "token=<deploy-token>" "$DEPLOY_WEBHOOK"',
  "echo '<deploy-token>' | docker login --password-stdin registry",
  'cat > .netrc <<EOF',
  'password <deploy-token>',
  'EOF',
  '```',
].join('\n');

describe('secrets never reach a command text, a log, a report or a run record', () => {
  for (const secret of SECRETS) {
    it(`a run with secret ${JSON.stringify(secret)}`, async () => {
      const runbook = parseRunbook(RUNBOOK);
      assert.deepEqual(runbook.diagnostics.filter((d) => d.severity === 'error'), []);
      const plan = planStep(section(runbook, 'Step 1'));
      assert.equal(plan.commands.length, 4);
      const run = new Map([
        ['API_KEY', secret],
        ['deploy-token', `${secret}-token`],
        ['DEPLOY_WEBHOOK', `https://hooks/${secret}`],
        ['environment', 'production'],
      ]);
      const resolutions = resolveVariables(
        plan.commands.map((c) => c.command),
        { run, config: runbook.config, settings: {}, env: {} },
      );
      assert.deepEqual(
        resolutions.map((r) => [r.name, r.secret, r.status]),
        [
          ['API_KEY', true, 'resolved'],
          ['environment', false, 'resolved'],
          ['deploy-token', true, 'resolved'],
          ['DEPLOY_WEBHOOK', true, 'resolved'],
        ],
      );
      const values = valuesOf(resolutions);
      const secrets = secretNamesOf(resolutions);
      const secretValues = [...secrets].map((n) => values.get(n) ?? '');

      let record: RunRecord = reduce(newRecord(), { type: 'variablesResolved', variables: toVariableRecords(resolutions) }, at(0));
      const rendered = new Map(plan.commands.map((c) => [c.command.id, renderCommand(c.command.text, values, secrets)]));
      plan.commands.forEach((c, i) => {
        const r = rendered.get(c.command.id);
        assert.ok(r);
        assert.deepEqual(r.issues, []);
        for (const s of secretValues) {
          assertAbsent(r.text, s, 'text');
          assertAbsent(r.display, s, 'display');
        }
        record = reduce(record, { type: 'commandStarted', commandId: c.command.id, stepId: c.stepId, label: c.command.label, text: r.display, awaited: true }, at(i * 2 + 1));
        record = reduce(record, { type: 'commandEnded', commandId: c.command.id, exitCode: 0 }, at(i * 2 + 2));
      });
      assert.equal(rendered.get(plan.commands[0]?.command.id ?? '')?.text, 'curl -s -H "X-API-Key: $API_KEY" https://api/deploy?env=production');
      assert.equal(rendered.get(plan.commands[1]?.command.id ?? '')?.text, 'curl -X POST -d "token=${DP_DEPLOY_TOKEN}" "$DEPLOY_WEBHOOK"');
      assert.equal(rendered.get(plan.commands[2]?.command.id ?? '')?.text, `echo ''"\${DP_DEPLOY_TOKEN}"'' | docker login --password-stdin registry`);
      assert.deepEqual(rendered.get(plan.commands[1]?.command.id ?? '')?.env, { DEPLOY_WEBHOOK: `https://hooks/${secret}`, DP_DEPLOY_TOKEN: `${secret}-token` });

      // A note that (wrongly) quotes a secret slips in: the store's redaction catches it.
      record = reduce(record, { type: 'commandSkipped', commandId: 'x#code1:0', stepId: 'x', label: 'x', text: 'x', note: `failed with ${secret}` }, at(20));
      record = reduce(record, { type: 'runEnded' }, at(21));

      const dir = await temp.make();
      const store = new RunRecordStore(dir, { secretValues: secretValues });
      await store.create(record);
      const file = await fs.readFile(path.join(dir, `${record.id}.json`), 'utf8');
      for (const s of secretValues) assertAbsent(file, s, 'the record file');
      assert.ok(file.includes('[REDACTED]'));
      const back = await store.read(record.id);
      assert.equal(back.commands.find((c) => c.commandId === 'x#code1:0')?.note, 'failed with [REDACTED]');
      assert.deepEqual(back.variables.find((v) => v.name === 'API_KEY'), { name: 'API_KEY', source: 'run', secret: true });

      const report = renderRunReport(back, runbook);
      const dry = formatDryRun(plan, rendered, secrets);
      for (const s of secretValues) {
        assertAbsent(report, s, 'the report');
        assertAbsent(dry, s, 'the dry run');
      }
      assert.ok(dry.includes('# env DP_DEPLOY_TOKEN (value hidden)'), dry);
      assert.ok(dry.includes('# env API_KEY (value hidden)'), dry);
    });
  }
});

describe('redactSecrets / redactJson', () => {
  it('replaces every occurrence, longest secret first, ignoring values too short to find', () => {
    assert.equal(redactSecrets('a token-long and token', ['token', 'token-long', 'ab', '']), 'a [REDACTED] and [REDACTED]');
    assert.equal(redactSecrets('abc', ['abc']), 'abc');
  });

  it('finds escaped forms inside JSON strings and keeps the JSON valid; keys and numbers untouched', () => {
    const secret = 'pa"ss\\word\n2024';
    const json = JSON.stringify({ note: `x ${secret} y`, list: [secret], [secret.slice(0, 4)]: 1, n: 2024, key: 'pa"ss' }, null, 2);
    const out = redactJson(json, [secret, 'pa"ss']);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual(parsed, { note: 'x [REDACTED] y', list: ['[REDACTED]'], 'pa"s': 1, n: 2024, key: '[REDACTED]' });
    assert.equal(redactJson(json, []), json);
  });
});
