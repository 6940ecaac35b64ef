import * as assert from 'node:assert/strict';
import { normalizeConfig } from '../../../src/core/config';
import type { VariableResolution, VariableSources } from '../../../src/core/run';
import { createRunRecord, isSecretVariable, planStep, reduce, resolveVariables, runValuesFromRecord, secretNamesOf, toVariableRecords, valuesOf } from '../../../src/core/run';
import { at, commandsOf, section, seedRunbook, T0 } from './runTestHelpers';

const config = normalizeConfig({
  variables: {
    TAG: { default: 'v1.2.3', description: 'Release tag' },
    REGION: 'eu-west-1',
    DEPLOY_SECRET_THING: { secret: true, prompt: 'Paste the deploy credential' },
    WEBHOOK: { secret: true },
  },
});

function sources(overrides: Partial<VariableSources> = {}): VariableSources {
  return { run: new Map(), config, settings: {}, env: {}, ...overrides };
}

const brief = (rs: readonly VariableResolution[]): string[] =>
  rs.map((r) => `${r.name}:${r.status}${r.status === 'resolved' ? `=${r.value}@${r.source}` : ''}${r.secret ? ' secret' : ''}`);

describe('resolveVariables', () => {
  it('takes a value from the run, then the config default, then settings, then the environment, else asks', () => {
    const commands = commandsOf('deploy --tag $TAG --region $REGION --zone <zone> --user $DEPLOY_USER --home $OPERATOR_HOME --missing $NOPE');
    const all = sources({
      run: new Map([['TAG', 'from-run']]),
      settings: { REGION: 'from-settings', zone: 'from-settings', DEPLOY_USER: 'from-settings' },
      env: { TAG: 'from-env', DEPLOY_USER: 'from-env', OPERATOR_HOME: '/home/op', NOPE: undefined },
    });
    assert.deepEqual(brief(resolveVariables(commands, all)), [
      'TAG:resolved=from-run@run',
      'REGION:resolved=eu-west-1@config',
      'zone:resolved=from-settings@settings',
      'DEPLOY_USER:resolved=from-settings@settings',
      'OPERATOR_HOME:resolved=/home/op@env',
      'NOPE:ask',
    ]);
  });

  it('asks once per run: an answer put into the run values is used by every later plan', () => {
    const run = new Map<string, string>();
    const first = resolveVariables(commandsOf('curl -H "X-Token: $WEBHOOK" https://hooks/<channel>'), sources({ run }));
    assert.deepEqual(brief(first), ['WEBHOOK:ask secret', 'channel:ask']);
    for (const r of first) if (r.status === 'ask') run.set(r.name, `answer-${r.name}`);
    const later = resolveVariables(commandsOf('echo <channel>', 'notify $WEBHOOK'), sources({ run }));
    assert.deepEqual(brief(later), ['channel:resolved=answer-channel@run', 'WEBHOOK:resolved=answer-WEBHOOK@run secret']);
  });

  it('uses the config prompt, else its description, else names the variable', () => {
    const rs = resolveVariables(commandsOf('x $DEPLOY_SECRET_THING <ticket> $OTHER'), sources({ config: normalizeConfig({ variables: { DEPLOY_SECRET_THING: { secret: true, prompt: 'Paste it' }, OTHER: { description: 'Other thing' } } }) }));
    assert.deepEqual(
      rs.map((r) => (r.status === 'ask' ? r.prompt : r.status)),
      ['Paste it', 'Value for <ticket>', 'Other thing'],
    );
  });

  it('skips names assigned earlier in the plan (the shell has them), well-known shell names, and assignedBefore', () => {
    const rollback = planStep(section(seedRunbook(), 'Quick Rollback')).commands.map((c) => c.command);
    assert.deepEqual(resolveVariables(rollback, sources()), [], 'PREVIOUS_TAG is assigned by the first command');
    const pull = rollback.slice(2, 3);
    assert.deepEqual(brief(resolveVariables(pull, sources())), ['PREVIOUS_TAG:ask'], 'run alone, nothing assigns it');
    assert.deepEqual(resolveVariables(pull, sources(), { assignedBefore: new Set(['PREVIOUS_TAG']) }), []);
    assert.deepEqual(resolveVariables(commandsOf('cd $HOME && echo $PATH $USER $RANDOM'), sources()), []);
    assert.deepEqual(brief(resolveVariables(commandsOf('echo $LATER; LATER=1; echo $LATER'), sources())), ['LATER:ask'], 'read before assigned');
    assert.deepEqual(resolveVariables(commandsOf('for host in a b; do ping $host; done'), sources()), []);
  });

  it('lets the shell use ${VAR:-default} when no source has the variable', () => {
    assert.deepEqual(brief(resolveVariables(commandsOf('curl http://${HOST:-localhost}:${PORT:-8080}/ "${HOST:-x}"'), sources())), ['HOST:shellDefault', 'PORT:shellDefault']);
    assert.deepEqual(brief(resolveVariables(commandsOf('echo ${PORT:-8080} $PORT'), sources())), ['PORT:ask'], 'one use without a default');
    assert.deepEqual(brief(resolveVariables(commandsOf('echo ${PORT:-8080}'), sources({ env: { PORT: '9090' } }))), ['PORT:resolved=9090@env']);
  });

  it('lists the uses of each variable with their commands and columns', () => {
    const commands = commandsOf('docker pull app:<tag>', 'echo <tag> $TAG');
    const [tag, TAG] = resolveVariables(commands, sources());
    assert.deepEqual(tag?.uses, [
      { commandId: commands[0]?.id, column: 16, kind: 'placeholder' },
      { commandId: commands[1]?.id, column: 5, kind: 'placeholder' },
    ]);
    assert.equal(tag?.placeholder, true);
    assert.equal(TAG?.placeholder, false);
  });

  it('never resolves a name from Object.prototype', () => {
    assert.deepEqual(brief(resolveVariables(commandsOf('echo $constructor <toString> $__proto__'), sources())), ['constructor:ask', 'toString:ask', '__proto__:ask']);
  });

  it('the seed: $API_KEY is a secret nothing sets, asked for', () => {
    const checks = planStep(section(seedRunbook(), 'Immediate Checks')).commands.map((c) => c.command);
    const rs = resolveVariables(checks, sources({ config: seedRunbook().config }));
    assert.deepEqual(brief(rs), ['API_KEY:ask secret']);
  });

  it('feeds renderCommand and the record: values, secret names, records without secret values', () => {
    const rs = resolveVariables(commandsOf('deploy $TAG $WEBHOOK'), sources({ run: new Map([['WEBHOOK', 'https://hook/xyz-secret']]) }));
    assert.deepEqual([...valuesOf(rs)], [['TAG', 'v1.2.3'], ['WEBHOOK', 'https://hook/xyz-secret']]);
    assert.deepEqual([...secretNamesOf(rs)], ['WEBHOOK']);
    assert.deepEqual(toVariableRecords(rs), [
      { name: 'TAG', source: 'config', secret: false, value: 'v1.2.3' },
      { name: 'WEBHOOK', source: 'run', secret: true },
    ]);
  });

  it('restores the run\'s remembered non-secret answers from a record after a reload', () => {
    const record = reduce(
      createRunRecord({ runbook: { path: 'R.md', sha256: '0' }, operator: 'o' }, T0),
      {
        type: 'variablesResolved',
        variables: [
          { name: 'ticket', source: 'prompt', secret: false, value: 'OPS-1' },
          { name: 'TAG', source: 'config', secret: false, value: 'v1' },
          { name: 'API_KEY', source: 'prompt', secret: true, value: 'leak?' },
        ],
      },
      at(1),
    );
    assert.deepEqual([...runValuesFromRecord(record)], [['ticket', 'OPS-1']]);
  });
});

describe('isSecretVariable', () => {
  it('is true for variables declared secret and names like credentials', () => {
    for (const name of ['WEBHOOK', 'API_KEY', 'GITHUB_TOKEN', 'DB_PASSWORD', 'CLIENT_SECRET', 'your-api-key', 'aws.secret', 'TOKEN']) {
      assert.equal(isSecretVariable(name, config), true, name);
    }
  });

  it('is false for other names', () => {
    for (const name of ['TAG', 'MONKEY', 'KEYBOARD', 'TOKENIZER', 'REGION', 'constructor']) assert.equal(isSecretVariable(name, config), false, name);
  });
});
