import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeBlockNode } from '../../../src/core/runbook';
import { parseRunbook, walk } from '../../../src/core/runbook';
import { classifyCommand, findVariables, isShellLanguage, label, lintCommand, looksLikeShell, splitCommands } from '../../../src/core/shell';
import { SEED_RUNBOOK } from '../../repoPaths';

const MB = 1 << 20;
const KB64 = 1 << 16;
/** Generous: linear code takes well under a second here; anything quadratic takes minutes. */
const BUDGET_MS = 5000;

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Everything the extension does to a block on save: split, then classify, find variables, lint. */
function processBlock(text: string, lang = 'bash'): number {
  let commands = 0;
  for (const c of splitCommands(text, lang)) {
    classifyCommand(c.text);
    findVariables(c.text);
    lintCommand(c.text);
    label(c);
    commands++;
  }
  looksLikeShell(text);
  return commands;
}

describe('shell module robustness', function () {
  this.timeout(60000);

  it('processes 1 MB of the seed bash blocks within budget', () => {
    const seed = parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8'));
    const blocks = [...walk(seed.children)].filter((n): n is CodeBlockNode => n.kind === 'code' && isShellLanguage(n.lang));
    const text = fill(blocks.map((b) => b.text).join('\n') + '\n', MB);
    let commands = 0;
    const ms = timed(() => (commands = processBlock(text)));
    assert.ok(commands > 9000, `${commands} commands`);
    assert.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms`);
  });

  const pathological: Record<string, string> = {
    'an unterminated double quote': '"' + fill('a b $C <d>\n', KB64),
    'an unterminated single quote': "echo '" + fill('x $A <b>\n', KB64),
    'deeply nested $(': fill('$(', KB64),
    'deeply nested ${': fill('${a:-', KB64),
    'deeply nested arrays': fill('A=(', KB64),
    'backquotes': fill('`', KB64),
    'heredoc openers': fill('cat <<EOF\n', KB64),
    'angle brackets': fill('<a', KB64),
    'placeholders': fill('<name>', KB64),
    'one long line': fill('echo $A "b" \'c\' <d> | ', KB64),
    'backslashes': fill('\\', KB64),
    'open parentheses': fill('(', KB64),
    'open ifs': fill('if true; then\n', KB64),
    'comments only': fill('# comment line\n', KB64),
    'CRLF continuations': fill('ls \\\r\n  -la\r\n', KB64),
    'dollars': fill('$', KB64),
    'control characters': fill('\u0000\u0001\r\t\f\v', KB64),
    'non-ASCII': fill('échø ✓ $Ünïcode 日本 <名前>\n', KB64),
  };
  for (const [name, text] of Object.entries(pathological)) {
    it(`survives ${name} (64 KB) within budget`, () => {
      const ms = timed(() => processBlock(text));
      assert.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms`);
    });
  }

  it('survives session blocks with open commands before every prompt', () => {
    const ms = timed(() => processBlock(fill('$ echo "a\noutput\n', KB64), 'console'));
    assert.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms`);
  });

  it('reports absurd nesting instead of overflowing the stack', () => {
    const text = 'echo ' + '$('.repeat(100_000);
    assert.ok(lintCommand(text).some((i) => i.message === 'nested too deeply'));
    assert.deepEqual(classifyCommand(text), {});
  });

  it('still reads commands nested a few levels deep', () => {
    assert.deepEqual(classifyCommand('echo "$(echo "$(echo "$(rm -rf /tmp/x)")")"'), { destructive: 'deletes files and directories recursively without asking (rm -rf)' });
  });

  it('takes commands named like Object.prototype members for ordinary commands', () => {
    for (const text of ['constructor', 'toString x', 'git constructor', 'docker __proto__', 'docker-compose hasOwnProperty up', 'docker container constructor']) {
      assert.deepEqual(classifyCommand(text), {}, text);
      assert.deepEqual(lintCommand(text).filter((i) => i.severity === 'error' && !i.message.includes('global option')), [], text);
    }
  });
});
