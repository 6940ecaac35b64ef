import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { QuoteContext, QuoteKind, RenderedCommand } from '../../../src/core/run';
import { envChanges, envReferenceFor, isDisplaySafe, placeholderEnvName, quoteContexts, quoteFor, renderCommand } from '../../../src/core/run';

const BASH = '/bin/bash';
const hasBash = existsSync(BASH);

/** Runs a script with bash (non-interactive, no rc files) and the given extra environment; resolves its stdout. */
function bash(script: string, env: Readonly<Record<string, string>> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(BASH, ['--noprofile', '--norc', '-c', script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Types the script into an interactive bash (history expansion on, as in a terminal); resolves its stdout. */
function interactiveBash(script: string, env: Readonly<Record<string, string>> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(BASH, ['--noprofile', '--norc', '-i'], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HISTFILE: '/dev/null', ...env }, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.end(`echo earlier-command\n${script}\nexit\n`);
  });
}

/** Values meant to break out of quoting, expand, inject commands or fool the screen. */
const ADVERSARIAL = [
  'v1.2.3',
  '',
  'hello world',
  "it's",
  "'; rm -rf /tmp/nope; echo '",
  '"double" and \\"escaped\\"',
  '$HOME ${PATH} $(id) `id` $((1+1))',
  'back\\slash\\\\ and \\n literal',
  '!event !! ^x^y',
  '* ? [a-z] ~ {a,b} #hash &bg | pipe ; semi > out < in',
  'line1\nline2',
  'tab\there\r\n',
  '\u001b[31mred\u001b[0m \u001b[201~ paste-end',
  'EOF',
  'x\nEOF\necho pwned',
  'ünïcödé ✓ 日本',
  'bidi \u202eevil\u202c and zero\u200bwidth',
];

/** Where a placeholder can stand, and what the command prints when it holds VALUE. */
const CONTEXTS: readonly { name: string; template: string; expect: (v: string) => string }[] = [
  { name: 'unquoted', template: "printf '[%s]' <value>", expect: (v) => `[${v}]` },
  { name: 'double quotes', template: 'printf \'[%s]\' "pre <value> post"', expect: (v) => `[pre ${v} post]` },
  { name: 'single quotes', template: "printf '[%s]' 'pre <value> post'", expect: (v) => `[pre ${v} post]` },
  { name: 'heredoc', template: 'cat <<EOF\npre <value> post\nEOF', expect: (v) => `pre ${v} post\n` },
  { name: '$(…) in double quotes', template: 'printf \'[%s]\' "$(printf \'%s\' <value>)"', expect: (v) => `[${v.replace(/\n+$/, '')}]` },
  { name: 'backquotes', template: 'printf \'[%s]\' "`printf \'%s\' <value>`"', expect: (v) => `[${v.replace(/\n+$/, '')}]` },
  { name: 'double quotes in $(…)', template: 'printf \'[%s]\' "$(printf \'%s\' "<value>")"', expect: (v) => `[${v.replace(/\n+$/, '')}]` },
];

/** The secret is nowhere in text or display (unless the runbook's own text holds it, like a secret "EOF"). */
function assertNoSecret(rendered: RenderedCommand, secret: string, template = ''): void {
  if (secret.length < 2 || template.includes(secret)) return;
  assert.ok(!rendered.text.includes(secret), `text holds the secret: ${rendered.text}`);
  assert.ok(!rendered.display.includes(secret), `display holds the secret: ${rendered.display}`);
}

describe('renderCommand', () => {
  it('keeps $VAR for the shell to expand from the environment it gets', () => {
    const r = renderCommand('docker pull app:$TAG && echo "${REGION}" $UNKNOWN', new Map([['TAG', 'v1'], ['REGION', 'eu'], ['OTHER', 'x']]), new Set());
    assert.deepEqual(r, { text: 'docker pull app:$TAG && echo "${REGION}" $UNKNOWN', env: { TAG: 'v1', REGION: 'eu' }, display: 'docker pull app:$TAG && echo "${REGION}" $UNKNOWN', issues: [] });
  });

  it('writes a non-secret placeholder\'s value in, quoted only when it needs to be', () => {
    const values = new Map([['tag', 'v1.2.3'], ['msg', "it's done"], ['note', 'two words']]);
    assert.equal(renderCommand('docker pull app:<tag>', values, new Set()).text, 'docker pull app:v1.2.3');
    assert.equal(renderCommand('git commit -m <msg>', values, new Set()).text, "git commit -m 'it'\\''s done'");
    assert.equal(renderCommand('echo "note: <note>"', values, new Set()).text, 'echo "note: two words"');
    assert.equal(renderCommand("echo 'msg: <msg>'", values, new Set()).text, "echo 'msg: it'\\''s done'");
    assert.deepEqual(renderCommand('echo <tag>', values, new Set()).env, {});
  });

  it('passes a secret placeholder through the environment and shows only the reference', () => {
    const r = renderCommand('curl -H "Authorization: Bearer <api-token>" https://x/<path>', new Map([['api-token', 's3cr3t-tok'], ['path', 'v1/items']]), new Set(['api-token']));
    assert.equal(r.text, 'curl -H "Authorization: Bearer ${DP_API_TOKEN}" https://x/v1/items');
    assert.equal(r.display, r.text);
    assert.deepEqual(r.env, { DP_API_TOKEN: 's3cr3t-tok' });
    assert.equal(placeholderEnvName('your.api-key'), 'DP_YOUR_API_KEY');
  });

  it('passes a secret $VAR through the environment, the text keeping the reference', () => {
    const r = renderCommand('curl -s -H "X-API-Key: $API_KEY" http://dashboard/api', new Map([['API_KEY', 'sk-123456']]), new Set(['API_KEY']));
    assert.equal(r.text, 'curl -s -H "X-API-Key: $API_KEY" http://dashboard/api');
    assert.deepEqual(r.env, { API_KEY: 'sk-123456' });
  });

  it('never writes in a value that holds a secret, or that the screen would not show as it is', () => {
    const values = new Map([['TOKEN', 'tok-98765'], ['url', 'https://x/?t=tok-98765'], ['ml', 'a\nb'], ['bidi', 'a\u202eb']]);
    const r = renderCommand('open <url> <ml> <bidi>', values, new Set(['TOKEN']));
    assert.equal(r.text, 'open "${DP_URL}" "${DP_ML}" "${DP_BIDI}"');
    assert.deepEqual(r.env, { DP_URL: 'https://x/?t=tok-98765', DP_ML: 'a\nb', DP_BIDI: 'a\u202eb' });
    assert.ok(!isDisplaySafe('a\tb') && !isDisplaySafe('\u0085') && !isDisplaySafe('\ufeff') && isDisplaySafe('ünï ✓'));
  });

  it('reports placeholders without a value and values that cannot be passed', () => {
    assert.deepEqual(renderCommand('scp <file> host:', new Map(), new Set()).issues, [{ name: 'file', reason: 'missing' }]);
    assert.deepEqual(renderCommand('echo <x>', new Map([['x', 'a\0b']]), new Set()).issues, [{ name: 'x', reason: 'notPassable' }]);
    const quoted = renderCommand("cat <<'EOF' > .env\nTOKEN=<deploy-token>\nEOF", new Map([['deploy-token', 'tok-secret']]), new Set(['deploy-token']));
    assert.deepEqual(quoted.issues, [{ name: 'deploy-token', reason: 'notPassable' }]);
    assertNoSecret(quoted, 'tok-secret');
  });

  it('gives two placeholders that map to one environment name different names', () => {
    const r = renderCommand('echo <a-b> <a_b>', new Map([['a-b', 'x\ny'], ['a_b', 'z\nw']]), new Set());
    assert.equal(r.text, 'echo "${DP_A_B}" "${DP_A_B_2}"');
    assert.deepEqual(r.env, { DP_A_B: 'x\ny', DP_A_B_2: 'z\nw' });
  });

  it('envChanges: names the terminal lacks or holds with another value', () => {
    assert.deepEqual(envChanges({ A: '1', B: '2' }, { A: '1', B: '3', C: '4' }), ['B', 'C']);
  });

  describe('in bash: the command receives exactly the value, as one word, and secrets stay out of the text', function () {
    this.timeout(60_000);
    before(function () {
      if (!hasBash) this.skip();
    });

    for (const secret of [false, true]) {
      it(`${secret ? 'secret' : 'non-secret'} placeholders in every quoting context, with adversarial values`, async () => {
        for (const value of ADVERSARIAL) {
          const scripts: string[] = [];
          const expected: string[] = [];
          const env: Record<string, string> = {};
          for (const context of CONTEXTS) {
            const rendered = renderCommand(context.template, new Map([['value', value]]), secret ? new Set(['value']) : new Set());
            assert.deepEqual(rendered.issues, [], `${context.name}: ${JSON.stringify(value)}`);
            if (secret) assertNoSecret(rendered, value, context.template);
            Object.assign(env, rendered.env);
            scripts.push(rendered.text, "printf '\\n--\\n'");
            expected.push(context.expect(value), '\n--\n');
          }
          const output = await bash(scripts.join('\n'), env);
          assert.equal(output, expected.join(''), `value ${JSON.stringify(value)}`);
        }
      });
    }

    it('an interactive bash (history expansion on, as in a terminal) receives the same values', async () => {
      for (const secret of [false, true]) {
        for (const value of ADVERSARIAL) {
          const scripts: string[] = [];
          const expected: string[] = ['earlier-command\n'];
          const env: Record<string, string> = {};
          for (const context of CONTEXTS) {
            const rendered = renderCommand(context.template, new Map([['value', value]]), secret ? new Set(['value']) : new Set());
            Object.assign(env, rendered.env);
            scripts.push(rendered.text, "printf '\\n--\\n'");
            expected.push(context.expect(value), '\n--\n');
          }
          assert.equal(await interactiveBash(scripts.join('\n'), env), expected.join(''), `value ${JSON.stringify(value)}`);
        }
      }
    });

    it('keeps the runbook\'s shell semantics for $VAR: word splitting and defaults as written', async () => {
      const r = renderCommand('printf \'[%s]\' $FLAGS "$FLAGS" ${MISSING:-dflt}', new Map([['FLAGS', '-a -b']]), new Set());
      assert.equal(await bash(r.text, r.env), '[-a][-b][-a -b][dflt]');
    });

    const KINDS: readonly { kind: QuoteKind; template: string; expect: (v: string) => string }[] = [
      { kind: 'none', template: "printf '[%s]' pre@@post", expect: (v) => `[pre${v}post]` },
      { kind: 'double', template: 'printf \'[%s]\' "pre@@post"', expect: (v) => `[pre${v}post]` },
      { kind: 'single', template: "printf '[%s]' 'pre@@post'", expect: (v) => `[pre${v}post]` },
      { kind: 'ansi', template: "printf '[%s]' $'pre@@post'", expect: (v) => `[pre${v}post]` },
      { kind: 'heredoc', template: 'cat <<EOF\npre@@post\nEOF', expect: (v) => `pre${v}post\n` },
      { kind: 'brace', template: 'printf \'[%s]\' "${UNSET_VAR:-pre@@post}"', expect: (v) => `[pre${v}post]` },
    ];

    it('quoteFor and envReferenceFor in every context (display-safe values written in, the others by reference)', async () => {
      for (const { kind, template, expect } of KINDS) {
        const at = template.indexOf('@@');
        const [context] = quoteContexts(template.replace('@@', 'xx'), [at]);
        assert.equal(context?.kind, kind, template);
        const scripts: string[] = [];
        const expected: string[] = [];
        const env: Record<string, string> = {};
        ADVERSARIAL.forEach((value, i) => {
          const ctx: QuoteContext = context ?? { kind, backquoted: false };
          const quoted = isDisplaySafe(value) ? quoteFor(ctx, value) : undefined;
          const name = `V${i}`;
          const text = quoted ?? envReferenceFor(ctx, name);
          assert.ok(text !== undefined, `${kind} ${JSON.stringify(value)}`);
          if (quoted === undefined) env[name] = value;
          scripts.push(template.replace('@@', () => text), "printf '\\n--\\n'");
          expected.push(expect(value), '\n--\n');
        });
        assert.equal(await bash(scripts.join('\n'), env), expected.join(''), kind);
      }
    });
  });
});

describe('quoteContexts', () => {
  const kindAt = (text: string, marker: string): QuoteKind | undefined => quoteContexts(text, [text.indexOf(marker)])[0]?.kind;

  it('tells quoting, comments, heredocs and expansions apart', () => {
    assert.equal(kindAt('echo X', 'X'), 'none');
    assert.equal(kindAt('echo "a X"', 'X'), 'double');
    assert.equal(kindAt("echo 'a \" X'", 'X'), 'single');
    assert.equal(kindAt("echo $'a \\' X'", 'X'), 'ansi');
    assert.equal(kindAt('echo "$(echo X)"', 'X'), 'none');
    assert.equal(kindAt('echo "$(echo "X")"', 'X'), 'double');
    assert.equal(kindAt('echo $((1 + (2 * 3))) X', 'X'), 'none');
    assert.equal(kindAt('echo ${A:-X}', 'X'), 'brace');
    assert.equal(kindAt('echo hi # X', 'X'), 'comment');
    assert.equal(kindAt('echo a#X', 'X'), 'none');
    assert.equal(kindAt('echo \\"X', 'X'), 'none');
    assert.equal(kindAt('cat <<EOF\nX\nEOF\necho Y', 'X'), 'heredoc');
    assert.equal(kindAt('cat <<EOF\nX\nEOF\necho Y', 'Y'), 'none');
    assert.equal(kindAt("cat <<'EOF' | grep a\nX\nEOF", 'X'), 'quotedHeredoc');
    assert.equal(kindAt('cat <<-E\\OF\n\tX\n\tEOF\necho Y', 'X'), 'quotedHeredoc');
    assert.equal(kindAt('cat <<-EOF\n\tX\n\tEOF\necho Y', 'Y'), 'none');
    assert.equal(kindAt('cat <<<X', 'X'), 'none');
    assert.deepEqual(quoteContexts('echo `a X`', [8])[0], { kind: 'none', backquoted: true });
  });

  it('never throws on unterminated or odd input', () => {
    for (const text of ['echo "abc', "echo 'abc", 'echo $(abc', 'echo ${abc', 'cat <<', 'cat <<EOF\nno end', 'echo `abc', '\\', '$', '<<', "$'\\"]) {
      assert.doesNotThrow(() => quoteContexts(text, [0, text.length - 1, text.length + 5]));
    }
  });
});
