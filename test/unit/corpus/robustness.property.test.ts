import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { Runbook } from '../../../src/core/runbook';
import { parseRunbook, walk } from '../../../src/core/runbook';
import { extractFrontMatter } from '../../../src/core/config';
import { SEED_RUNBOOK, fixturePath } from '../../repoPaths';
import { invariantViolations } from './invariants';
import { LARGE_FIXTURE } from './largeRunbook';
import { summarize } from './summarize';

/**
 * Robustness: parseRunbook never throws, and every parse keeps the model's invariants (see
 * invariants.ts) and is deterministic, on (a) arbitrary unicode, (b) random markdown built
 * from runbook-like pieces, (c) mutations of the seed and corpus fixtures, and (d) the same
 * documents with other line endings. Fixed seeds: a failure reproduces in CI and locally.
 */

/**
 * Fixed seed and run counts, so CI is reproducible. To hunt for new counter-examples locally:
 * `FC_SEED=<n> FC_RUNS=<factor> npx mocha out/test/unit/corpus/robustness.property.test.js`.
 */
const SEED = Number(process.env['FC_SEED'] ?? 20251020);
const RUNS_FACTOR = Number(process.env['FC_RUNS'] ?? 1);
function params<T>(numRuns: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)) };
}

interface KnownBug {
  /** True when this bug explains the invariant violation found in the parse of `text`. */
  readonly explains: (violation: string, text: string, runbook: Runbook) => boolean;
  /** True when `text` hits the bug so that its parse may differ from the LF version's (property d). */
  readonly changesParse?: (text: string) => boolean;
  /** Counter-examples fast-check found, shrunk, some minimised further by hand (the regression test parses them). */
  readonly counterExamples: readonly string[];
  /** Input, expected, actual. */
  readonly bug: string;
}

/** The first lines of `text` up to and including the closing front matter fence, if any. */
function frontMatterPrefix(text: string): string | undefined {
  const front = extractFrontMatter(text);
  if (!front) return undefined;
  const breaks = /\r\n|\r|\n/g;
  for (let line = 0; line <= front.endLine; line++) if (!breaks.exec(text)) return text;
  return text.slice(0, breaks.lastIndex);
}

const loneCrFrontMatter = (text: string): boolean => /\r(?!\n)/.test(frontMatterPrefix(text) ?? '');

/**
 * Parser bugs the properties found (reported), each with a skipped regression test below.
 * The properties stay on: a violation that a known bug explains is let through, any other
 * fails the run.
 */
const KNOWN_BUGS: readonly KnownBug[] = [
  {
    // Shrunk by fast-check from (b): "\n2. ## Heading in an item\n    - ## Heading in an item\n      ```\n      ```\n- ## Heading in an item".
    explains: (violation) => /section "[^"]*" \[(\d+), \1\)/.test(violation),
    counterExamples: ['1. ## Build\n   ```sh\n   make\n   ```\n'],
    bug: 'a heading inside a numbered list item with code gives a 0-length step: "1. ## Build\\n   ```sh\\n   make\\n   ```" should be one step "1. Build" [0, 4) holding the block; the parser gives an empty step "1. Build" [0, 0) and a section "Build" [0, 5) holding it (parseStructure.ts: heading_open closes the open list-item step at the heading\'s own line)',
  },
];

/** Bugs the properties found that are fixed now: their counter-examples are regression tests. */
const FIXED_BUGS: readonly KnownBug[] = [
  {
    // Shrunk by fast-check from property (b); also found by (d).
    explains: (_violation, text) => loneCrFrontMatter(text),
    changesParse: loneCrFrontMatter,
    counterExamples: ['---\r---\n'],
    bug: 'front matter with CR-only line endings loses the document: for "---\\r---\\n" lineCount should be 3, the parser gives 2; for "---\\rversion: 1\\r---\\r# Deploy\\r…" everything after the front matter is dropped (no title, a false no-steps error). parseRunbook.ts maskLines counts lines with indexOf("\\n") while extractFrontMatter splits on CR too',
  },
  {
    // Shrunk by fast-check from (b): "\n```\n```\n\n``\n# - memory growth > 5% in 1 hour\n~~~"; from (d):
    // "\n```\n```\n\n- # Top heading in an item\n- \n  ```\n  ```"; from (b) with FC_SEED=5:
    // "\n# \n\n## \n\n# ". Minimised by hand to the counter-examples below.
    explains: (violation, _text, runbook) =>
      /^duplicate (?:node|command) id "(?:#|::)/.test(violation) ||
      (/^duplicate (?:node|command) id "\//.test(violation) && [...walk(runbook.children)].some((n) => n.kind === 'section' && n.id === '')),
    counterExamples: ['```sh\nmake\n```\n# Title\n```sh\nmake\n```\n- [ ] check\n', '- [ ] check\n# Title\n- [ ] check\n', '# Release 2.4\n## Rollback\n- [ ] plan read\n# Rollback\n```sh\n./rollback.sh\n```\n'],
    bug: 'duplicate ids around the leading "# Title": its id is the root\'s "" but it counts ids on its own. (1) A block or task before the title and one under it collide: "```sh\\nmake\\n```\\n# Title\\n```sh\\nmake\\n```" gives two blocks "#code1" and two commands "#code1:0"; "- [ ] check" before and under it gives two tasks "::check" (shared checkbox state). (2) With a second H1 the first keeps id "" and its sections collide with the second\'s: "# Release 2.4\\n## Rollback\\n# Rollback" gives two sections "/rollback". Expected: unique ids (parseStructure.ts isLeadingTitle / uniqueId)',
  },
  {
    // Shrunk by fast-check from (b) with FC_SEED=606 FC_RUNS=10: "\n## \n\n- [ ]\tx\n- \n\n- [X] x\n- [X] x~2\n- ".
    explains: (violation) => /^duplicate (?:node|command) id "[^"]*::[^"]*~\d+"/.test(violation),
    counterExamples: ['## Checks\n- [ ] smoke test\n- [ ] smoke test\n- [ ] smoke test~2\n'],
    bug: 'duplicate task ids: the de-duplication suffix "~2" can also be written: "- [ ] smoke test" twice then "- [ ] smoke test~2" gives two tasks "/checks::smoke test~2" (shared checkbox state); ids should be unique (parseStructure.ts uniqueId appends "~N" to task texts, which may end in "~N" themselves; section slugs escape "~", task ids do not)',
  },
];

function explained(violation: string, text: string, runbook: Runbook): boolean {
  return KNOWN_BUGS.some((b) => b.explains(violation, text, runbook));
}

/** Parses twice: throws on an invariant violation no known bug explains, or when the two parses differ. */
function parseChecked(text: string, tolerateKnownBugs = true): Runbook {
  const runbook = parseRunbook(text, { fileName: 'RUNBOOK.md' });
  assert.deepEqual(parseRunbook(text, { fileName: 'RUNBOOK.md' }), runbook, 'two parses of one text differ');
  const problems = invariantViolations(text, runbook).filter((v) => !(tolerateKnownBugs && explained(v, text, runbook)));
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\ninput: ${JSON.stringify(text)}`);
  return runbook;
}

// ---------------------------------------------------------------------------------------------
// (b) Random markdown from runbook-like pieces.

const WORDS = [
  'Deploy', 'deploy', 'Step 1:', 'STEP 2:', 'Step #3', '4.', '5)', 'Option A:', 'Option b', 'Choose one', 'Options', 'Rollback', 'roll back',
  'Revert', 'Undo', 'First 5 minutes', 'first hour', 'Sign-Off', 'Pre-flight checklist', 'Expected Output:', 'Output', 'should show',
  'Result', '(5 minutes)', '(~2 hours)', '(1h)', '(10 min)', 'Expected Timeline', 'Error rate < 0.5%', 'Memory usage stable ±2%',
  'No OOM conditions', 'Health check endpoint responding (HTTP 200)', 'p95 latency > 1s', '`make deploy`', '**bold**', '_em_',
  '[link](http://127.0.0.1)', '![img](x.png)', '<b>', '</b>', 'a', 'a~2', 'A', 'x', 'café', 'Schritt 1', '手順1：', '（5分）', '🚀', '✅',
  '⚡️', '👨‍👩‍👧', '1️⃣', '‚ö°', 'üìã', '¬±', '‚úÖ', '\t', '\\', '`', '``', '$HOME', '$API_KEY', '<your-value>', '|', '#', '- [ ]', '\u00a0',
  '\u200d', '\ufeff', '\u0000',
];
const word = fc.constantFrom(...WORDS);
const inline = fc.array(word, { maxLength: 6 }).map((ws) => ws.join(' '));

const SHELL_LINES = [
  'git checkout master', 'git push origin --delete feature/x', 'git push origin --delete', 'git push --force origin main',
  'git reset --hard HEAD~1', 'rm -rf /tmp/build', 'docker-compose -f prod.yml down', 'docker compose up', 'docker-compose -e TAG=1 up -d',
  'docker logs -f app', 'docker logs app:v1.0.0', 'kubectl delete ns staging', 'kubectl get pods -w', 'helm uninstall web',
  'sleep 600', 'sleep 1h 30m', 'nano CHANGELOG.md', 'ssh deploy@127.0.0.1', 'psql -c "DROP TABLE users;"', 'redis-cli FLUSHALL',
  'export TAG=v1.2.3', 'TAG=$(git describe --tags)', 'echo "$TAG ${UNSET:-fallback} $UNKNOWN_VAR"', "echo 'single $NOT_A_VAR'",
  'curl -H "X-API-Key: $API_KEY" http://127.0.0.1:8080/health | jq .', 'curl <your-host>/health', 'echo "unterminated', "echo 'open",
  'echo $(date', 'echo ${BROKEN', 'cat <<EOF', 'cat <<-\'EOF\'', 'EOF', '\tEOF', 'body $TAG line', 'for i in 1 2 3; do', '  echo "$i"',
  'done', 'if true; then', 'fi', 'while true; do sleep 1; done', 'make build \\', '  && make test', 'ls |', '  wc -l', '# comment',
  '# Set up alerts for:', '# - error_rate > 1%', '# - memory growth > 5% in 1 hour', '# - bogus metric >> 5', '# Alert on:',
  'ALERT_CONDITIONS=(', '  "error_rate > 1%"', '  "response_time_p95 > 1000ms" "nonsense here"', ')',
  'ALERT_RULES=("cpu > 90% for 10 minutes" \'oom_conditions > 0\')', '$ kubectl get pods', '$ ', '$\tls', '> continued', '# apt-get update',
  'NAME READY STATUS', '{"status": "ok"}', 'key: value', '├─ Prepare branch:  2 min', 'Merge to Master:  ~20 minutes', 'TOTAL: 3-4 hours',
  '', '   ', '\t', '\\', '`', '```', '~~~', '🚀 deploy', '‚ö° mojibake', 'echo "\u0000"',
];
const shellLine = fc.constantFrom(...SHELL_LINES);

interface FenceSpec {
  readonly indent: string;
  readonly marker: string;
  readonly info: string;
  readonly body: readonly string[];
  readonly closer: 'same' | 'none' | 'short' | 'long' | 'other' | 'indented' | 'trailing';
}

const fenceSpec: fc.Arbitrary<FenceSpec> = fc.record({
  indent: fc.constantFrom('', '', ' ', '  ', '   ', '    ', '\t'),
  marker: fc.constantFrom('```', '```', '~~~', '````', '~~~~', '``'),
  info: fc.constantFrom('', 'bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'BASH', 'bash {.line-numbers}', 'json', 'yaml', 'text', 'markdown', 'fish', 'powershell', 'bash`x'),
  body: fc.array(shellLine, { maxLength: 7 }),
  closer: fc.constantFrom('same', 'same', 'same', 'none', 'short', 'long', 'other', 'indented', 'trailing'),
});

function fenceLines(spec: FenceSpec, extraIndent = ''): string[] {
  const indent = extraIndent + spec.indent;
  const close: Record<FenceSpec['closer'], string[]> = {
    same: [indent + spec.marker],
    none: [],
    short: [indent + spec.marker.slice(0, -1)],
    long: [indent + spec.marker + spec.marker.charAt(0)],
    other: [indent + (spec.marker.startsWith('`') ? '~~~' : '```')],
    indented: [`${indent}    ${spec.marker}`],
    trailing: [`${indent + spec.marker} not a closer`],
  };
  return [`${indent}${spec.marker}${spec.info}`, ...spec.body.map((l) => (l.length > 0 ? extraIndent + l : l)), ...close[spec.closer]];
}

const fence = fenceSpec.map((spec) => fenceLines(spec));

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), inline, fc.constantFrom('', '', ' #', ' ##', '#'), fc.constantFrom('', ' ', '   '))
  .map(([level, text, closing, indent]) => [`${indent}${'#'.repeat(level)} ${text}${closing}`]);
const setextHeading = fc.tuple(inline, fc.constantFrom('===', '---', '-', '=')).map(([text, underline]) => [text, underline]);

interface ItemSpec {
  readonly indent: number;
  readonly marker: string;
  readonly task: string;
  readonly text: string;
  readonly fence: FenceSpec | null;
  readonly blankBefore: boolean;
}

const item: fc.Arbitrary<ItemSpec> = fc.record({
  indent: fc.constantFrom(0, 0, 2, 3, 4, 6, 8),
  marker: fc.constantFrom('-', '*', '+', '1.', '2.', '3)', '10.', '-'),
  task: fc.constantFrom('', '[ ] ', '[x] ', '[X] ', '[ ]\t', '[] ', '[ ]', '[y] '),
  // Short texts repeat often: duplicate task texts exercise the ids' de-duplication.
  text: fc.oneof(inline, fc.constantFrom('## Heading in an item', '# Top heading in an item', '> quoted', 'Build:', 'Expected output:'), fc.constantFrom('x', 'x', 'x~2', 'X', 'x~3')),
  fence: fc.option(fenceSpec, { freq: 2 }),
  blankBefore: fc.boolean(),
});

const list = fc.array(item, { minLength: 1, maxLength: 7 }).map((items) =>
  items.flatMap((it) => {
    const pad = ' '.repeat(it.indent);
    const content = ' '.repeat(it.indent + it.marker.length + 1);
    const lines = [...(it.blankBefore ? [''] : []), `${pad}${it.marker} ${it.task}${it.text}`];
    if (it.fence) lines.push(...fenceLines(it.fence, content));
    return lines;
  }),
);

const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), fc.boolean())
  .map(([columns, rows, delimiter]) => [
    `| ${Array.from({ length: columns }, (_, i) => `H${i}`).join(' | ')} |`,
    ...(delimiter ? [`|${'---|'.repeat(columns)}`] : []),
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ]);

const html = fc
  .array(fc.constantFrom('<details>', '<summary>Commands</summary>', '</details>', '<!--', '-->', '<!-- deploy-pilot: skip -->', '<div class="x">', '</div>', '<br>', '<p align="center">', '<img src="x.png">', '<script>', '</script>', '<pre>', '</pre>', '<?php', '?>', '<![CDATA[', ']]>'), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((tags) => fc.tuple(fc.constant(tags), fc.option(fence, { freq: 2 })).map(([t, f]) => [...t, ...(f ?? [])]));

const paragraph = fc.array(inline, { minLength: 1, maxLength: 3 });
const quote = fc.array(fc.oneof(inline, fc.constantFrom('## Quoted heading', '```bash', 'rm -rf /', '```', '- [ ] quoted task')), { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `> ${l}`));
const indentedCode = fc.array(shellLine, { minLength: 1, maxLength: 3 }).map((ls) => ['', ...ls.map((l) => `    ${l}`)]);
const misc = fc.constantFrom(['---'], ['***'], ['___'], [''], [''], ['   '], ['\t'], ['[ref]: http://x'], ['<https://127.0.0.1>']);

const YAML_LINES = [
  'version: 1', 'version: 2', 'environments:', '  staging:', '    healthUrl: http://127.0.0.1:8080/health', '    healthUrl: ftp://x',
  '    health:', '      interval: 30s', '      timeout: 50s', '      timout: 5s', '    autoRollback:', '      enabled: true', '      alerts: [nope]',
  'variables:', '  API_KEY:', '    secret: true', '    default: hunter2', '  TAG: v1', '  1BAD: x', 'alerts:', '  - name: err', '    condition: error_rate > 1%',
  '    condition: what even', '  - name: err', 'tagPatern: v*', 'key: [unclosed', 'key: "unterminated', '  bad indent', 'a: &anchor 1', 'b: *missing', '- list at root',
  '"quoted": 1', 'k: !!binary x', '', '# comment',
];
const frontMatter = fc
  .tuple(fc.array(fc.constantFrom(...YAML_LINES), { maxLength: 8 }), fc.constantFrom('---', '---', '...', '--- ', '', '----'))
  .map(([body, close]) => ['---', ...body, ...(close.length > 0 ? [close] : [])]);

const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 4, arbitrary: fence },
  { weight: 3, arbitrary: list },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: html },
  { weight: 3, arbitrary: paragraph },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: indentedCode },
  { weight: 2, arbitrary: misc },
);

const EOLS = ['\n', '\r\n', '\r'] as const;

/** Joins lines with one ending everywhere, or a mix. */
const lineEndings = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<readonly string[]>(['\n'], ['\r\n'], ['\r']) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 5 }) },
);

function joinLines(lines: readonly string[], eols: readonly string[], finalEol: boolean): string {
  let text = '';
  lines.forEach((line, i) => {
    text += line;
    if (i < lines.length - 1 || finalEol) text += eols[i % eols.length] ?? '\n';
  });
  return text;
}

const markdownLines = fc
  .tuple(fc.option(frontMatter, { freq: 4 }), fc.array(block, { maxLength: 14 }))
  .map(([front, blocks]) => [...(front ?? []), ...blocks.flatMap((b) => ['', ...b])]);

const markdown = fc.tuple(markdownLines, lineEndings, fc.boolean()).map(([lines, eols, finalEol]) => joinLines(lines, eols, finalEol));

// ---------------------------------------------------------------------------------------------
// (c) Mutations of real runbooks.

type Mutation =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly to: number }
  | { readonly kind: 'swap'; readonly a: number; readonly b: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly byte: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

const INSERTS = [
  '```', '~~~', '```bash\n', '\n```\n', '\r', '\r\n', '\n', '\t', '<!--', '-->', '<details>\n', '$ ', '- [ ] ', '1. ', '# ', '## Step 9: x\n', '---\n',
  '|', '\u0000', '🚀', '‚ö°', 'üìã', '\ufeff', '\ud800', '\udc00', '\\', "'", '"', '$(', '${', '<<EOF\n', '`', '    ', '\u2028', '(5 min)',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('truncate' as const), byte: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ unit: 'binary', maxLength: 4 })) }),
);

const lossyUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Applies a mutation; positions are taken modulo the text's size, so any number fits. */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.kind) {
    case 'delete': {
      const at = m.at % n;
      return [...lines.slice(0, at), ...lines.slice(at + m.length)].join('\n');
    }
    case 'duplicate': {
      const at = m.at % n;
      const copy = lines.slice(at, at + m.length);
      const to = m.to % (n + 1);
      return [...lines.slice(0, to), ...copy, ...lines.slice(to)].join('\n');
    }
    case 'swap': {
      const a = m.a % n;
      const b = m.b % n;
      const [first, second] = a <= b ? [a, b] : [b, a];
      const length = Math.min(m.length, second - first);
      if (length === 0) return text;
      const out = [...lines];
      const x = lines.slice(first, first + length);
      const y = lines.slice(second, second + length);
      out.splice(second, y.length, ...x);
      out.splice(first, x.length, ...y);
      return out.join('\n');
    }
    case 'truncate': {
      // A file cut at a byte, possibly inside a UTF-8 sequence, read back leniently.
      const bytes = Buffer.from(text, 'utf8');
      return lossyUtf8.decode(bytes.subarray(0, m.byte % (bytes.length + 1)));
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
}

function corpusTexts(): { small: Map<string, string>; large: string } {
  const dir = fixturePath('runbooks', 'corpus');
  const small = new Map<string, string>([['seed', readFileSync(SEED_RUNBOOK, 'utf8')]]);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    if (file !== `${LARGE_FIXTURE}.md`) small.set(file, readFileSync(`${dir}/${file}`, 'utf8'));
  }
  return { small, large: readFileSync(`${dir}/${LARGE_FIXTURE}.md`, 'utf8') };
}

// ---------------------------------------------------------------------------------------------

describe('parseRunbook robustness (property-based, fast-check)', function () {
  this.timeout(60_000);
  const { small, large } = corpusTexts();

  it('(a) never throws and keeps its invariants on arbitrary unicode', () => {
    const anyUnit = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 2 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\n', '\r', '\r\n', '\t', ' ', '`', '~', '#', '-', '*', '[', ']', 'x', '|', '<', '>', '$', '!', '(', ')', '\\', '1.', '---'),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: anyUnit, maxLength: 120 })), (text) => {
        parseChecked(text);
      }),
      params(500),
    );
  });

  it('(b) never throws and keeps its invariants on random runbook-like markdown', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        parseChecked(text);
      }),
      params(400),
    );
  });

  it('(c) never throws and keeps its invariants on mutations of the seed and the corpus', () => {
    fc.assert(
      fc.property(fc.constantFrom(...small.keys()), fc.array(mutation, { minLength: 1, maxLength: 4 }), (name, mutations) => {
        parseChecked(mutations.reduce(mutate, small.get(name) ?? ''));
      }),
      params(250),
    );
  });

  it(`(c) the same on mutations of the ${LARGE_FIXTURE} guide (3,000 lines)`, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        parseChecked(mutations.reduce(mutate, large));
      }),
      params(12),
    );
  });

  it('(d) parses a document alike whatever its line endings (LF, CRLF, CR)', () => {
    fc.assert(
      fc.property(markdownLines, fc.boolean(), (lines, finalEol) => {
        const lf = summarize(parseChecked(joinLines(lines, ['\n'], finalEol)));
        for (const eol of ['\r\n', '\r']) {
          const text = joinLines(lines, [eol], finalEol);
          const summary = summarize(parseChecked(text));
          if (!KNOWN_BUGS.some((b) => b.changesParse?.(text))) assert.deepEqual(summary, lf, JSON.stringify(eol));
        }
      }),
      params(150),
    );
  });

  // Counter-examples fast-check found (shrunk): parser bugs, reported. Skipped while open:
  // the bug is still there (the property lets it through and says which).
  for (const known of KNOWN_BUGS) {
    it.skip(`regression: ${known.bug}`, () => {
      for (const input of known.counterExamples) parseChecked(input, false);
    });
  }
  for (const fixed of FIXED_BUGS) {
    it(`regression (fixed): ${fixed.bug.split(':')[0] ?? fixed.bug}`, () => {
      for (const input of fixed.counterExamples) parseChecked(input, false);
    });
  }

  // Found by reading, not by a property: extractFrontMatter skips a leading BOM, parseStructure
  // does not. Input "\uFEFF# Title\n\n```sh\nmake\n```\n": expected title "Title" (as without
  // the BOM); actual: no title, "# Title" read as a paragraph. Latent: the extension and the CLI
  // decode files with decodeRunbookBytes, which drops the BOM; parseRunbook's other callers may not.
  it('regression (fixed): a leading BOM is ignored, as front matter detection already does', () => {
    const text = '# Title\n\n```sh\nmake\n```\n';
    assert.deepEqual(summarize(parseChecked(`\uFEFF${text}`, false)), summarize(parseChecked(text, false)));
  });
});
