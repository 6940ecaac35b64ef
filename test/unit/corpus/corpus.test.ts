import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseRunbook } from '../../../src/core/runbook';
import { fixturePath } from '../../repoPaths';
import { LARGE_FIXTURE, generateLargeRunbook } from './largeRunbook';
import type { RunbookSummary } from './summarize';
import { summarize } from './summarize';

/**
 * The corpus: runbooks in many styles, each with a hand-written `<name>.expected.json` that
 * says what the right parse is (see summarize.ts for the format). One `it` per fixture.
 *
 * Where the parser disagrees with the expected file and the expected file is right, the
 * disagreement is listed in KNOWN_DEVIATIONS: the fixture's test pins what the parser gives
 * today at that path (so the rest of the fixture stays covered, and a change is noticed),
 * and a skipped test asserts the right value. When the parser is fixed, the fixture's test
 * fails on the pinned value: delete the entry, and the skipped test's assertion is covered.
 */

type JsonPath = readonly (string | number)[];

interface KnownDeviation {
  /** Where in the parser's summary. */
  readonly path: JsonPath;
  /** What the parser gives there today. */
  readonly actual: unknown;
  /**
   * Where the right value is in the expected file: `path` by default; null when the right
   * parse has nothing there (an extra array element is removed, an extra key deleted).
   */
  readonly expectedPath?: JsonPath | null;
  /** The parser bug, as reported: one skipped test per distinct text. */
  readonly bug: string;
}

// Disagreements between the parser and the hand-written expected parses, where the expected
// parse is right. Each `bug` names the input, what is expected and what the parser does.
const NON_ENGLISH_METRIC =
  'non-English checklist metrics: "- [ ] Fehlerquote < 1 %", "- [ ] Antwortzeit p95 < 500ms", "- [ ] エラー率 < 1%" should be criteria (error_rate < 1 %, response_time_p95 < 500ms, error_rate < 1%); the parser finds none (metricNames.ts is English only)';

const KNOWN_DEVIATIONS: Readonly<Record<string, readonly KnownDeviation[]>> = {
  '02-kubernetes-rollout': [
    {
      // Input: `kubectl -n checkout port-forward svc/checkout 18080:80 &`. Expected: no flag (the
      // shell returns at once, the next line uses the tunnel). Actual: longRunning.
      path: ['commands', 11],
      actual: 'kubectl -n checkout port-forward svc/checkout 18080:80 & [longRunning]',
      bug: 'a command sent to the background with "&" (kubectl port-forward … &) is classified longRunning; the shell returns at once, so it should not be (classify.ts ignores the & terminator)',
    },
  ],
  '05-nested-task-lists': [
    {
      // Input: `pnpm login --registry https://npm.acme.io`. Expected: interactive. Actual: no flag.
      path: ['commands', 2],
      actual: 'pnpm login --registry https://npm.acme.io',
      bug: '"pnpm login" (also npm/yarn login, npm adduser) asks for credentials or waits for a browser login: it should be interactive; the parser gives no flag (rules/system.ts packageManager only knows dev-server scripts)',
    },
  ],
  '09-german-guide': [
    { path: ['criteria'], actual: ['Error rate < 1% => error_rate < 1%'], bug: NON_ENGLISH_METRIC },
  ],
  '10-console-sessions': [
    {
      // Input: "# Upgrading …" / "## Redis 6.2 → 7.2, …, March 2025" / "---" / an intro paragraph.
      // Expected: subtitle "Redis 6.2 → 7.2, …". Actual: no subtitle, an empty first section.
      path: ['subtitle'],
      actual: undefined,
      bug: 'subtitle followed by a thematic break and an intro paragraph ("# T" / "## Sub" / "---" / "Intro…") should still be the subtitle; the parser makes "## Sub" an empty section (parseStructure.ts isEmptyBody counts the paragraph after the ---)',
    },
    {
      path: ['sections', 0],
      actual: { label: 'Redis 6.2 → 7.2, cache-1 and its replicas, March 2025', role: 'section' },
      expectedPath: null,
      bug: 'subtitle followed by a thematic break and an intro paragraph ("# T" / "## Sub" / "---" / "Intro…") should still be the subtitle; the parser makes "## Sub" an empty section (parseStructure.ts isEmptyBody counts the paragraph after the ---)',
    },
    {
      // Input: `$ redis-cli -h cache-1.internal --latency-history -i 5`. Expected: longRunning (it
      // samples until Ctrl-C) and not interactive. Actual: interactive ("opens a redis-cli prompt").
      path: ['commands', 10],
      actual: 'redis-cli -h cache-1.internal --latency-history -i 5 [interactive]',
      bug: '"redis-cli --latency-history -i 5" (also --latency, --stat, --bigkeys, MONITOR without head) runs until interrupted: it should be longRunning, not interactive; the parser says "opens a redis-cli prompt" because no command word follows (rules/databases.ts redisCli)',
    },
  ],
  '12-destructive-no-rollback': [
    {
      // Input: `sudo userdel -r reports`. Expected: destructive. Actual: no flag.
      path: ['commands', 6],
      actual: 'sudo userdel -r reports',
      bug: '"userdel -r" deletes the user\'s home directory and mail spool: it should be destructive; the parser gives no flag (no rule for userdel/deluser)',
    },
  ],
  '13-japanese-guide': [
    { path: ['criteria'], actual: ['Error rate < 1% => error_rate < 1%'], bug: NON_ENGLISH_METRIC },
  ],
};

function fixtureNames(): string[] {
  return readdirSync(fixturePath('runbooks', 'corpus'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -'.md'.length))
    .sort();
}

function readExpected(name: string): RunbookSummary {
  return JSON.parse(readFileSync(fixturePath('runbooks', 'corpus', `${name}.expected.json`), 'utf8')) as RunbookSummary;
}

function parseFixture(name: string): RunbookSummary {
  const text = readFileSync(fixturePath('runbooks', 'corpus', `${name}.md`), 'utf8');
  return summarize(parseRunbook(text, { fileName: `${name}.md` }));
}

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

function getAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const key of path) value = isContainer(value) ? value[key] : undefined;
  return value;
}

/** Sets the value at `path`; `absent` removes it (an array element is spliced out). */
function setAt(root: unknown, path: JsonPath, replacement: { absent: true } | { value: unknown }): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  assert.ok(isContainer(parent) && key !== undefined, `no such path ${path.join('.')}`);
  const value = 'value' in replacement ? replacement.value : undefined;
  if (Array.isArray(parent) && typeof key === 'number' && 'absent' in replacement) parent.splice(key, 1);
  else if (value === undefined) delete parent[key];
  else parent[key] = structuredClone(value);
}

/**
 * Puts the expected value where the parser is known to be wrong, after checking it still
 * gives the known wrong value there. Removals go last, so that earlier paths stay valid.
 */
function patchKnownDeviations(name: string, actual: RunbookSummary, expected: RunbookSummary, deviations: readonly KnownDeviation[], check: boolean): void {
  const ordered = [...deviations.filter((d) => d.expectedPath !== null), ...deviations.filter((d) => d.expectedPath === null).reverse()];
  for (const d of ordered) {
    if (check) {
      assert.deepEqual(
        getAt(actual, d.path),
        d.actual,
        `${name} at ${d.path.join('.')}: the parser no longer gives the known wrong value; if it now gives the expected one, delete this KNOWN_DEVIATIONS entry (${d.bug})`,
      );
    }
    setAt(actual, d.path, d.expectedPath === null ? { absent: true } : { value: getAt(expected, d.expectedPath ?? d.path) });
  }
}

describe('runbook corpus: each fixture parses as its expected summary says', () => {
  const names = fixtureNames();

  it('has the fixtures the corpus promises', () => {
    assert.ok(names.length >= 12, names.join(', '));
    for (const name of names) assert.doesNotThrow(() => readExpected(name), `${name}.expected.json`);
  });

  for (const name of names) {
    const deviations = KNOWN_DEVIATIONS[name] ?? [];
    it(name, () => {
      const actual = parseFixture(name);
      const expected = readExpected(name);
      patchKnownDeviations(name, actual, expected, deviations, true);
      assert.deepEqual(actual, expected);
    });
    // Parser bugs, reported: each skipped test checks the fixture with that one bug fixed
    // (the other known deviations still patched). Un-skip when the parser is fixed.
    for (const bug of new Set(deviations.map((d) => d.bug))) {
      it.skip(`${name}: ${bug}`, () => {
        const actual = parseFixture(name);
        const expected = readExpected(name);
        patchKnownDeviations(name, actual, expected, deviations.filter((d) => d.bug !== bug), false);
        assert.deepEqual(actual, expected);
      });
    }
  }

  it(`${LARGE_FIXTURE} is exactly what the generator makes`, () => {
    const { markdown, expected } = generateLargeRunbook();
    assert.equal(readFileSync(fixturePath('runbooks', 'corpus', `${LARGE_FIXTURE}.md`), 'utf8'), markdown);
    assert.deepEqual(readExpected(LARGE_FIXTURE), expected);
  });
});
