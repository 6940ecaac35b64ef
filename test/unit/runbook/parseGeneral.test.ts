import * as assert from 'node:assert/strict';
import type { SectionNode, TaskNode } from '../../../src/core/runbook';
import { parseRunbook, walk } from '../../../src/core/runbook';

describe('parseRunbook on general markdown', () => {
  it('keeps headings, code blocks and tasks with 0-based line ranges', () => {
    const rb = parseRunbook(['# Title', '', '## Deploy', '', '```sh', 'make deploy', '```', '', '- [x] done', '- [ ] todo'].join('\n'));
    assert.equal(rb.title, 'Title');
    const deploy = rb.children[0] as SectionNode;
    assert.equal(deploy.label, 'Deploy');
    assert.equal(deploy.line, 2);
    assert.equal(deploy.endLine, 10);
    assert.deepEqual(
      deploy.children.map((c) => [c.kind, c.line, c.endLine]),
      [
        ['code', 4, 7],
        ['task', 8, 9],
        ['task', 9, 10],
      ],
    );
    assert.deepEqual(
      deploy.children.filter((c): c is TaskNode => c.kind === 'task').map((t) => [t.text, t.checked]),
      [
        ['done', true],
        ['todo', false],
      ],
    );
  });

  it('handles CRLF, tilde fences and indented code blocks', () => {
    const rb = parseRunbook('## A\r\n\r\n~~~bash\r\necho hi\r\n~~~\r\n\r\n    indented --cmd\r\n');
    const a = rb.children[0] as SectionNode;
    assert.deepEqual(
      a.children.map((c) => (c.kind === 'code' ? [c.fence, c.lang, c.text, c.line] : c.kind)),
      [
        ['tilde', 'bash', 'echo hi', 2],
        ['indented', '', 'indented --cmd', 6],
      ],
    );
  });

  it('reports an unterminated fence with its line and still parses', () => {
    const rb = parseRunbook('## Step 1: go\n\n```bash\necho one\n');
    const diag = rb.diagnostics.find((d) => d.code === 'unterminated-fence');
    assert.ok(diag);
    assert.equal(diag.line, 2);
    assert.equal(diag.severity, 'warning');
  });

  it('does not report a fence closed on the last line', () => {
    const rb = parseRunbook('## Step 1: go\n\n```bash\necho one\n```');
    assert.deepEqual(rb.diagnostics, []);
  });

  it('says clearly when a file has no steps at all', () => {
    const rb = parseRunbook('# Notes\n\nJust prose, nothing to run.\n');
    assert.equal(rb.diagnostics.length, 1);
    assert.equal(rb.diagnostics[0]?.code, 'no-steps');
    assert.equal(rb.diagnostics[0]?.severity, 'error');
    assert.match(rb.diagnostics[0]?.message ?? '', /code blocks .* task-list items/);
  });

  it('treats several top-level headings as sections, not as a title', () => {
    const rb = parseRunbook('# One\n```sh\na\n```\n# Two\n```sh\nb\n```\n');
    assert.equal(rb.title, undefined);
    assert.deepEqual(
      rb.children.map((c) => (c.kind === 'section' ? c.label : c.kind)),
      ['One', 'Two'],
    );
  });

  it('classifies step and option headings in their common spellings', () => {
    const rb = parseRunbook(
      ['## Step 3: Tag', '## 4. Push', '## Option B: direct', '## Choose wisely', '```sh', 'x', '```'].join('\n'),
    );
    assert.deepEqual(
      [...walk(rb.children)].filter((n): n is SectionNode => n.kind === 'section').map((s) => s.role),
      ['step', 'step', 'option', 'section'],
    );
  });

  it('gives duplicate task texts in one section distinct ids', () => {
    const rb = parseRunbook('## Check\n- [ ] same\n- [ ] same\n');
    const ids = (rb.children[0] as SectionNode).children.map((c) => c.id);
    assert.equal(new Set(ids).size, 2);
  });

  it('strips inline markup from labels and task texts', () => {
    const rb = parseRunbook('## **Bold** `code` [link](http://x)\n- [ ] run `make` **now**\n');
    const s = rb.children[0] as SectionNode;
    assert.equal(s.label, 'Bold code link');
    assert.equal((s.children[0] as TaskNode).text, 'run make now');
  });

  it('never throws on odd input', () => {
    for (const input of ['', '\u0000', '#', '```', '- [ ]', '\r\r\r', '# \u{1F680}', '|a|\n|-|\n|b|', '<div>\n```\n</div>']) {
      assert.doesNotThrow(() => parseRunbook(input), JSON.stringify(input));
    }
  });
});
