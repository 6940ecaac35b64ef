import * as assert from 'node:assert/strict';
import { label, splitCommands } from '../../../src/core/shell';
import type { ShellCommand } from '../../../src/core/shell';

const texts = (block: string, lang = 'bash'): string[] => splitCommands(block, lang).map((c) => c.text);
const spans = (block: string, lang = 'bash'): [number, number][] => splitCommands(block, lang).map((c) => [c.line, c.endLine]);

describe('splitCommands', () => {
  describe('lines that are not commands', () => {
    it('skips blank and comment-only lines', () => {
      assert.deepEqual(texts('\n# a comment\n\nls -la\n   \n# another\n\tpwd\n'), ['ls -la', 'pwd']);
    });

    it('returns nothing for an empty or comment-only block', () => {
      assert.deepEqual(splitCommands('', 'bash'), []);
      assert.deepEqual(splitCommands('# 1. Route 10% of requests\n# 2. Monitor\n', 'bash'), []);
    });

    it('gives each command the comment lines directly above it, without #', () => {
      const cmds = splitCommands('# Switch to master\ngit checkout master\ngit pull\n\n# Verify\n#   no conflicts\ngit status\n', 'bash');
      assert.deepEqual(
        cmds.map((c) => [c.text, c.comment]),
        [
          ['git checkout master', 'Switch to master'],
          ['git pull', undefined],
          ['git status', 'Verify\nno conflicts'],
        ],
      );
    });

    it('does not attach a comment separated by a blank line, nor a shebang', () => {
      const cmds = splitCommands('#!/bin/bash\nset -e\n# orphan\n\nls\n', 'bash');
      assert.deepEqual(cmds.map((c) => c.comment), [undefined, undefined]);
      assert.equal('comment' in (cmds[1] ?? {}), false);
    });

    it('keeps a trailing comment in the text (the shell ignores it) but not in the label', () => {
      const [cmd] = splitCommands('docker ps -a   # list everything\n', 'bash');
      assert.equal(cmd?.text, 'docker ps -a   # list everything');
      assert.equal(cmd && label(cmd), 'docker ps -a');
    });

    it('does not mistake # inside words, quotes or $# for a comment', () => {
      assert.deepEqual(texts('curl http://x/#frag\necho "a # b" $# a#b\n'), ['curl http://x/#frag', 'echo "a # b" $# a#b']);
      assert.equal(label({ text: 'echo "# not a comment" # but this is' }), 'echo "# not a comment"');
    });
  });

  describe('commands spanning lines', () => {
    it('keeps backslash continuations as one command, backslash-newline kept', () => {
      const block = 'docker run \\\n  -p 80:80 \\\n  nginx\nls\n';
      assert.deepEqual(texts(block), ['docker run \\\n  -p 80:80 \\\n  nginx', 'ls']);
      assert.deepEqual(spans(block), [
        [0, 3],
        [3, 4],
      ]);
    });

    it('ends a continued command whose last line holds a comment (the comment swallows the backslash)', () => {
      assert.deepEqual(texts('echo a # note \\\necho b\n'), ['echo a # note \\', 'echo b']);
    });

    it('keeps multi-line double- and single-quoted strings in one command', () => {
      const block = 'git commit -m "feat: x\n\nCHANGES:\n- it\'s fixed"\ngit log\necho \'a\nb\'\n';
      assert.deepEqual(texts(block), ['git commit -m "feat: x\n\nCHANGES:\n- it\'s fixed"', 'git log', "echo 'a\nb'"]);
      assert.deepEqual(spans(block), [
        [0, 4],
        [4, 5],
        [5, 7],
      ]);
    });

    for (const opener of ['<<EOF', '<<-EOF', "<<'EOF'", '<<"EOF"', '<< EOF', '<<\\EOF']) {
      it(`keeps a heredoc opened with ${opener} up to its terminator`, () => {
        const terminator = opener.includes('-') ? '\tEOF' : 'EOF';
        const block = `cat ${opener} > /tmp/conf\nkey: $VALUE\n\n# not a comment here\n${terminator}\necho done\n`;
        const cmds = splitCommands(block, 'bash');
        assert.deepEqual(cmds.map((c) => c.text), [`cat ${opener} > /tmp/conf\nkey: $VALUE\n\n# not a comment here\n${terminator}`, 'echo done']);
        assert.deepEqual(cmds.map((c) => [c.line, c.endLine]), [
          [0, 5],
          [5, 6],
        ]);
      });
    }

    it('keeps a heredoc piped on, two heredocs on a line, and a heredoc inside $(...)', () => {
      assert.deepEqual(texts('cat <<A | grep x\n1\nA\nls\n'), ['cat <<A | grep x\n1\nA', 'ls']);
      assert.deepEqual(texts('paste <<A <<B\n1\nA\n2\nB\nls\n'), ['paste <<A <<B\n1\nA\n2\nB', 'ls']);
      assert.deepEqual(texts('X=$(cat <<EOF\nbody\nEOF\n)\necho "$X"\n'), ['X=$(cat <<EOF\nbody\nEOF\n)', 'echo "$X"']);
    });

    it('runs an unterminated heredoc to the end of the block', () => {
      assert.deepEqual(texts('cat <<EOF\nline\n'), ['cat <<EOF\nline']);
    });

    it('keeps an array assignment, a subshell and a brace group together', () => {
      assert.deepEqual(texts('ARR=(\n  "a b"  # first\n  c\n)\n(\n  cd /tmp\n  ls\n)\n{ echo a\n  echo b; } > log\n'), [
        'ARR=(\n  "a b"  # first\n  c\n)',
        '(\n  cd /tmp\n  ls\n)',
        '{ echo a\n  echo b; } > log',
      ]);
    });

    it('keeps for/while loops, if/fi, case/esac and function bodies together', () => {
      const block = [
        'for i in 1 2 3',
        'do',
        '  echo "$i"',
        'done',
        'while read -r line; do',
        '  echo "$line"',
        'done < file',
        'if [ -f x ]; then',
        '  echo yes',
        'elif true; then echo maybe',
        'else',
        '  echo no',
        'fi',
        'case "$1" in',
        '  start|up) docker compose up -d ;;',
        '  (stop) docker compose down ;;',
        '  *) echo "usage" ;;',
        'esac',
        'deploy() {',
        '  make deploy',
        '}',
        'deploy',
      ].join('\n');
      assert.deepEqual(spans(block), [
        [0, 4],
        [4, 7],
        [7, 13],
        [13, 18],
        [18, 21],
        [21, 22],
      ]);
    });

    it('keeps lines joined by a trailing |, && or ||', () => {
      assert.deepEqual(texts('git log |\n  head -5 &&\n  echo ok ||\n  echo failed\nls\n'), ['git log |\n  head -5 &&\n  echo ok ||\n  echo failed', 'ls']);
    });

    it('splits only at newlines: a ; list on one line is one command', () => {
      assert.deepEqual(texts('cd /app; make build && make test\nls'), ['cd /app; make build && make test', 'ls']);
    });

    it('runs an unterminated quote to the end of the block', () => {
      assert.deepEqual(texts('echo "oops\nls\n'), ['echo "oops\nls']);
    });
  });

  describe('line endings and tabs', () => {
    it('reads CRLF and CR line endings and sends \\n', () => {
      const cmds = splitCommands('# c\r\nls \\\r\n  -la\r\n\r\npwd\r\n', 'bash');
      assert.deepEqual(cmds.map((c) => [c.text, c.line, c.endLine, c.comment]), [
        ['ls \\\n  -la', 1, 3, 'c'],
        ['pwd', 4, 5, undefined],
      ]);
      assert.deepEqual(texts('ls\rpwd\r'), ['ls', 'pwd']);
    });

    it('treats tabs as blanks, drops the first line indentation and keeps inner tabs', () => {
      const cmds = splitCommands('\t\tdocker ps\t-a\n\tls \\\n\t\t-la\n', 'bash');
      assert.deepEqual(cmds.map((c) => c.text), ['docker ps\t-a', 'ls \\\n\t\t-la']);
    });

    it('recognises a <<- terminator indented with tabs, not with spaces', () => {
      assert.deepEqual(texts('cat <<-EOF\n\tbody\n\t\tEOF\necho after\n'), ['cat <<-EOF\n\tbody\n\t\tEOF', 'echo after']);
      assert.deepEqual(texts('cat <<EOF\n\tEOF\nEOF\nls'), ['cat <<EOF\n\tEOF\nEOF', 'ls']);
    });
  });

  it('reads a block of any other language as bash (callers choose blocks with isShellLanguage)', () => {
    assert.deepEqual(texts('ls\npwd', 'text'), ['ls', 'pwd']);
  });
});

describe('label', () => {
  const cmd = (text: string): ShellCommand => ({ text, line: 0, endLine: 1 });

  it('is the first line, trimmed, without its trailing comment', () => {
    assert.equal(label(cmd('  git status   # check')), 'git status');
    assert.equal(label(cmd('git commit -m "feat: x\n\nbody"')), 'git commit -m "feat: x');
  });

  it('drops the continuation backslash of a continued first line', () => {
    assert.equal(label(cmd('git tag -a v1 \\\n  -m "msg"')), 'git tag -a v1');
    assert.equal(label(cmd('echo a\\\\')), 'echo a\\\\');
  });
});
