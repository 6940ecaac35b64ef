import * as assert from 'node:assert/strict';
import { splitCommands } from '../../../src/core/shell';

const run = (block: string, lang = 'console'): [string, number, number, string | undefined][] =>
  splitCommands(block, lang).map((c) => [c.text, c.line, c.endLine, c.comment]);

describe('splitCommands on terminal sessions', () => {
  it('takes only prompt lines, prompts stripped, and drops output', () => {
    const block = '$ docker ps\nCONTAINER ID   IMAGE\nabc123         nginx\n$ echo hi\nhi\n';
    assert.deepEqual(run(block), [
      ['docker ps', 0, 1, undefined],
      ['echo hi', 3, 4, undefined],
    ]);
  });

  it('reads shell-session and shellsession blocks the same way', () => {
    for (const lang of ['shell-session', 'shellsession', 'Console']) assert.deepEqual(run('$ ls\nfile\n', lang), [['ls', 0, 1, undefined]]);
  });

  it('reads "# cmd" as a root prompt when cmd starts with a known command word, otherwise as a comment', () => {
    const block = '# Install the package\n# apt-get install -y nginx\nReading package lists...\n# Check it\n$ systemctl status nginx\n';
    assert.deepEqual(run(block), [
      ['apt-get install -y nginx', 1, 2, 'Install the package'],
      ['systemctl status nginx', 4, 5, 'Check it'],
    ]);
  });

  it('continues an open command on the lines after the prompt, without their "> " prompt', () => {
    const block = "$ git commit -m 'first\n> second'\n[main 1a2b3c] first\n$ cat <<EOF\n> a\n> EOF\na\n$ docker run \\\n>   nginx\n";
    assert.deepEqual(run(block), [
      ["git commit -m 'first\nsecond'", 0, 2, undefined],
      ['cat <<EOF\na\nEOF', 3, 6, undefined],
      ['docker run \\\n  nginx', 7, 9, undefined],
    ]);
  });

  it('never runs past the next prompt when a command stays open', () => {
    assert.deepEqual(run('$ echo "oops\nout\n$ ls\n'), [
      ['echo "oops\nout', 0, 2, undefined],
      ['ls', 2, 3, undefined],
    ]);
  });

  it('ignores empty prompts, keeps indentation-insensitive prompts and CRLF', () => {
    assert.deepEqual(run('$\n  $ ls -la\r\ntotal 0\r\n'), [['ls -la', 1, 2, undefined]]);
  });

  it('reads a bash block that starts with a $ prompt as a session', () => {
    assert.deepEqual(run('# Install\n$ npm install\nadded 1 package\n$ npm test\n', 'bash'), [
      ['npm install', 1, 2, 'Install'],
      ['npm test', 3, 4, undefined],
    ]);
  });
});
