import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { REPO_ROOT, SEED_RUNBOOK } from '../../repoPaths';

interface Captured {
  code: number;
  out: string;
  err: string;
}

function run(...argv: string[]): Captured {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

interface JsonRef {
  label: string;
  line: number;
}

describe('deploy-pilot CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dp-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lints the seed: file:line:col: severity: message, exit 1 on errors', () => {
    const result = run('lint', SEED_RUNBOOK);
    assert.equal(result.code, 1);
    const lines = result.out.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1] ?? '', /seed-phase8-deployment\.md:424:3: error: `-e` is not a docker-compose global option nor an option of `up`.* \[command\]$/);
    assert.match(lines[0] ?? '', /:362:24: information: \$API_KEY is not set/);
  });

  it('exits 0 when there are only warnings or nothing', () => {
    const file = path.join(dir, 'ok.md');
    writeFileSync(file, '# Ok\n\n## Step 1: hello\n\n```bash\necho hello\n```\n\n## Rollback\n\n```bash\necho bye\n```\n');
    const result = run('lint', file);
    assert.equal(result.out, '');
    assert.equal(result.code, 0);
  });

  it('says clearly when a file cannot be read, and exits 2', () => {
    const result = run('lint', path.join(dir, 'missing.md'));
    assert.equal(result.code, 2);
    assert.match(result.err, /missing\.md: cannot read \(ENOENT\)/);
    const binary = path.join(dir, 'bin.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0, 1]));
    assert.match(run('parse', binary, '--json').err, /bin\.md is a binary file/);
  });

  it('prints the documented JSON model for the seed', () => {
    const result = run('parse', SEED_RUNBOOK, '--json');
    assert.equal(result.code, 0);
    const json = JSON.parse(result.out) as {
      format: string;
      formatVersion: number;
      title: string;
      steps: JsonRef[];
      optionGroups: Array<JsonRef & { options: JsonRef[] }>;
      rollback: JsonRef[];
      successWindows: Array<JsonRef & { seconds: number; items: number }>;
      signOff: Array<JsonRef & { items: number }>;
      alerts: Array<{ metric: string; line: number }>;
      variables: Array<{ name: string; secret: boolean; assignedInRunbook: boolean; uses: Array<{ line: number }> }>;
      diagnostics: Array<{ line: number; column: number; code: string }>;
    };
    assert.equal(json.format, 'deploy-pilot/runbook');
    assert.equal(json.formatVersion, 1);
    assert.equal(json.title, 'PHASE 8 EXECUTION: MERGE TO MASTER & DEPLOYMENT');
    assert.deepEqual(json.steps.map((s) => s.line), [35, 62, 106, 161, 184, 223]);
    assert.deepEqual(json.optionGroups.map((g) => [g.label, g.options.length]), [
      ['STEP 2: Execute Merge (Choose One Option)', 2],
      ['DEPLOYMENT OPTIONS (After Merge)', 3],
    ]);
    assert.deepEqual(json.rollback.map((r) => r.label), ['Rollback Procedures (If Needed)', 'Quick Rollback (< 15 minutes)']);
    assert.deepEqual(json.successWindows.slice(3).map((w) => [w.label, w.seconds, w.items]), [
      ['First Hour', 3600, 6],
      ['First Day', 86400, 5],
      ['First Week', 604800, 5],
      ['First Month', 2592000, 4],
    ]);
    assert.deepEqual(json.signOff.map((s) => s.items), [10]);
    assert.deepEqual(json.alerts.slice(3).map((a) => a.metric), ['memory_growth', 'error_rate', 'response_time_p95', 'process_restarts', 'oom_conditions']);
    assert.deepEqual(json.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`), ['362:24 unknown-variable', '424:3 command', '437:13 command']);
    const apiKey = json.variables.find((v) => v.name === 'API_KEY');
    assert.deepEqual([apiKey?.secret, apiKey?.assignedInRunbook, apiKey?.uses.map((u) => u.line)], [true, false, [362, 383]]);
  });

  it('rejects unknown commands and flags with the usage', () => {
    const result = run('deploy', SEED_RUNBOOK);
    assert.equal(result.code, 2);
    assert.match(result.err, /unknown command "deploy"[\s\S]*Usage:/);
    assert.equal(run('parse', SEED_RUNBOOK, '--yaml').code, 2);
  });

  it('runs as the built bin, through npx, without VS Code', function () {
    this.timeout(60000);
    const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
    const lint = spawnSync(process.execPath, [cli, 'lint', SEED_RUNBOOK], { encoding: 'utf8' });
    assert.equal(lint.status, 1, lint.stderr);
    assert.equal(lint.stdout.trim().split('\n').length, 3);
    const version = execFileSync('npx', ['--no-install', 'deploy-pilot', '--version'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.match(version.trim(), /^\d+\.\d+\.\d+/);
  });
});
