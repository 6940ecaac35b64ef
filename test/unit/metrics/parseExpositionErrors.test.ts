import * as assert from 'node:assert/strict';
import type { ExpositionError, ExpositionErrorCode, ExpositionResult } from '../../../src/core/metrics';
import { parseExposition } from '../../../src/core/metrics';

const GOOD_BEFORE = 'good_before 1';
const GOOD_AFTER = 'good_after{a="b"} 2';

/** Parses `bad` on line 2 between two good lines; returns the single error and checks the good lines survived. */
function parseBadLine(bad: string): ExpositionError {
  const result = parseExposition(`${GOOD_BEFORE}\n${bad}\n${GOOD_AFTER}\n`);
  assert.equal(result.errors.length, 1, `expected one error for ${JSON.stringify(bad)}, got ${JSON.stringify(result.errors)}`);
  assert.equal(result.families.get('good_before')?.samples[0]?.value, 1);
  assert.equal(result.families.get('good_after')?.samples[0]?.value, 2);
  const [error] = result.errors;
  assert.ok(error);
  return error;
}

function codesAndLines(result: ExpositionResult): Array<[ExpositionErrorCode, number]> {
  return result.errors.map((e) => [e.code, e.line]);
}

describe('parseExposition: malformed lines are reported with line and column, and skipped', () => {
  const cases: Array<[string, string, number, string]> = [
    // [line, expected message after "line 2: ", column, description]
    ['http_requests_total{code"200"} 1', "expected '=' after label name 'code', found '\"'", 25, 'missing ='],
    ['http_requests_total{code=200} 1', `expected '"' to open the value of label 'code', found '2'`, 26, 'unquoted label value'],
    ['m{code="200} 1', `value of label 'code' is not closed (missing '"')`, 8, 'unclosed label value'],
    ['m{code="200" 1', "expected ',' or '}' after the value of label 'code', found '1'", 14, 'unclosed label set'],
    ['m{code="200",', "label set is not closed (missing '}')", 14, 'label set cut off'],
    ['m{code="a\\tb"} 1', "invalid escape sequence '\\t' in the value of label 'code'", 10, 'unknown escape'],
    ['m{a="1",a="2"} 1', "duplicate label 'a'", 9, 'duplicate label name'],
    ['m{__name__="x"} 1', "label name '__name__' is reserved", 3, 'reserved label'],
    ['m{,} 1', "expected a label name or '}', found ','", 3, 'empty label'],
    ['m{1a="x"} 1', "expected a label name or '}', found '1'", 3, 'label name starting with a digit'],
    ['{a="b"} 1', "expected a metric name, found '{'", 1, 'no metric name'],
    ['9lives 1', "expected a metric name, found '9'", 1, 'metric name starting with a digit'],
    ['my-metric 1', "unexpected character '-' in metric name 'my'", 3, 'dash in name'],
    ['lonely_metric', "expected a value after 'lonely_metric'", 14, 'no value'],
    ['m{a="b"}', "expected a value after 'm' and its labels", 9, 'no value after labels'],
    ['m one', "invalid value 'one' (expected a number, NaN, +Inf or -Inf)", 3, 'word as value'],
    ['m 0x1F', "invalid value '0x1F' (expected a number, NaN, +Inf or -Inf)", 3, 'hex value'],
    ['m 1e400', "invalid value '1e400' (expected a number, NaN, +Inf or -Inf)", 3, 'overflowing value'],
    ['m 1 12.5', "timestamp '12.5' is not an integer (milliseconds)", 5, 'fractional timestamp'],
    ['m 1 99999999999999999999', "timestamp '99999999999999999999' is out of the int64 range", 5, 'timestamp beyond int64'],
    ['m 1 1700000000000 extra', "unexpected text after the timestamp: 'extra'", 19, 'text after timestamp'],
    ['# TYPE my-metric counter', "invalid metric name in '# TYPE': unexpected '-'", 10, 'bad name in TYPE'],
  ];
  for (const [line, message, column, description] of cases) {
    it(`${description}: ${line}`, () => {
      const error = parseBadLine(line);
      assert.deepEqual(error, { code: 'syntax', line: 2, column, message: `line 2: ${message}` });
    });
  }

  it('reports each bad line of a text and keeps all the good ones', () => {
    const text = [
      '# TYPE http_requests_total counter',
      'http_requests_total{code="200"} 10',
      'http_requests_total{code="500} 1',
      'http_requests_total{code="404"} 2',
      'http_requests_total{code="503"} x',
      'http_requests_total{code="503"} 3',
    ].join('\n');
    const result = parseExposition(text);
    assert.deepEqual(codesAndLines(result), [
      ['syntax', 3],
      ['syntax', 5],
    ]);
    assert.deepEqual(
      result.families.get('http_requests_total')?.samples.map((s) => [s.labels['code'], s.value]),
      [
        ['200', 10],
        ['404', 2],
        ['503', 3],
      ],
    );
  });
});

describe('parseExposition: metadata and structure problems', () => {
  it('reports an unknown or missing TYPE and leaves the family untyped', () => {
    const result = parseExposition('# TYPE a countr\n# TYPE b\na 1\nb 2\n');
    assert.deepEqual(
      result.errors.map((e) => e.message),
      [
        "line 1: unknown metric type 'countr' for 'a' (expected counter, gauge, histogram, summary or untyped)",
        "line 2: '# TYPE b' names no type",
      ],
    );
    assert.equal(result.errors[0]?.code, 'metadata');
    assert.equal(result.families.get('a')?.type, 'untyped');
  });

  it('keeps the first of two TYPE or HELP lines and ignores a TYPE after the samples', () => {
    const result = parseExposition('# HELP a first\n# HELP a second\n# TYPE a gauge\n# TYPE a counter\na 1\nb 2\n# TYPE b counter\n');
    assert.deepEqual(
      result.errors.map((e) => [e.code, e.message]),
      [
        ['metadata', "line 2: second HELP line for 'a'; the first is kept"],
        ['metadata', "line 4: second TYPE line for 'a'; the first is kept"],
        ['metadata', "line 7: TYPE line for 'b' comes after its samples; ignored (they stay untyped)"],
      ],
    );
    assert.equal(result.families.get('a')?.help, 'first');
    assert.equal(result.families.get('a')?.type, 'gauge');
    assert.equal(result.families.get('b')?.type, 'untyped');
  });

  it('rejects histogram and summary samples that do not fit their type', () => {
    const text = [
      '# TYPE h histogram',
      'h_bucket{path="/"} 1',
      'h_bucket{le="fast"} 1',
      'h 3',
      'h_bucket{le="+Inf"} 3',
      'h_count 3',
      '# TYPE s summary',
      's{path="/"} 1',
      's{quantile="0.5"} 0.2',
    ].join('\n');
    const result = parseExposition(text);
    assert.deepEqual(
      result.errors.map((e) => [e.code, e.message]),
      [
        ['structure', "line 2: histogram bucket 'h_bucket' has no 'le' label"],
        ['structure', `line 3: invalid 'le' value "fast" in 'h_bucket' (expected a number or +Inf)`],
        ['structure', "line 4: 'h' is a histogram: its samples are named h_bucket, h_sum and h_count"],
        ['structure', "line 8: summary quantile 's' has no 'quantile' label"],
      ],
    );
    assert.equal(result.families.get('h')?.samples.length, 2);
    assert.equal(result.families.get('s')?.samples.length, 1);
  });

  it('reports a duplicate sample and keeps the first', () => {
    const result = parseExposition('# TYPE c counter\nc{code="200",m="GET"} 1\nc{m="GET",code="200"} 5\nc{code="201",m="GET"} 1\n');
    assert.deepEqual(result.errors, [
      { code: 'duplicate-sample', line: 3, column: 1, message: 'line 3: duplicate sample c{m="GET",code="200"} (first on line 2); ignored' },
    ]);
    assert.deepEqual(
      result.families.get('c')?.samples.map((s) => s.value),
      [1, 1],
    );
  });
});

describe('parseExposition: histogram consistency', () => {
  const histogram = (lines: string[]): ExpositionResult => parseExposition(['# TYPE h histogram', ...lines].join('\n'));

  it('accepts a consistent histogram with several series', () => {
    const result = histogram([
      'h_bucket{path="/a",le="0.1"} 1',
      'h_bucket{path="/a",le="+Inf"} 2',
      'h_count{path="/a"} 2',
      'h_bucket{path="/b",le="0.1"} 0',
      'h_bucket{path="/b",le="+Inf"} 0',
      'h_count{path="/b"} 0',
    ]);
    assert.deepEqual(result.errors, []);
  });

  it('flags a series without a +Inf bucket, on its first line', () => {
    const result = histogram(['h_bucket{path="/a",le="+Inf"} 2', 'h_bucket{path="/b",le="0.1"} 1', 'h_bucket{path="/b",le="1"} 2', 'h_count{path="/b"} 2']);
    assert.deepEqual(result.errors, [
      { code: 'histogram-missing-inf', line: 3, column: 1, message: 'line 3: histogram h{path="/b"} has no bucket with le="+Inf"' },
    ]);
  });

  it('flags a +Inf bucket that differs from _count', () => {
    const result = histogram(['h_bucket{le="1"} 2', 'h_bucket{le="+Inf"} 4', 'h_sum 1.5', 'h_count 5']);
    assert.deepEqual(result.errors, [
      {
        code: 'histogram-inf-count-mismatch',
        line: 3,
        column: 1,
        message: 'line 3: histogram h: the le="+Inf" bucket (4) differs from h_count (5, line 5)',
      },
    ]);
  });

  it('flags cumulative counts that decrease, whatever the order of the lines', () => {
    const result = histogram(['h_bucket{le="+Inf"} 9', 'h_bucket{le="1"} 3', 'h_bucket{le="0.5"} 5', 'h_count 9']);
    assert.deepEqual(result.errors, [
      {
        code: 'histogram-non-monotonic',
        line: 3,
        column: 1,
        message: 'line 3: histogram h: bucket le="1" (3) is less than bucket le="0.5" (5); cumulative counts must not decrease',
      },
    ]);
  });
});

describe('parseExposition: limits on huge input', () => {
  it('stops after maxLines and says so', () => {
    const text = Array.from({ length: 10 }, (_, i) => `m${i} ${i}`).join('\n');
    const result = parseExposition(text, { maxLines: 4 });
    assert.equal(result.families.size, 4);
    assert.deepEqual(result.errors, [{ code: 'limit', line: 5, column: 1, message: 'line 5: more than 4 lines; the rest was not parsed' }]);
  });

  it('skips a line longer than maxLineLength', () => {
    const result = parseExposition(`a 1\nb{v="${'x'.repeat(100)}"} 2\nc 3\n`, { maxLineLength: 50 });
    assert.deepEqual([...result.families.keys()], ['a', 'c']);
    assert.deepEqual(codesAndLines(result), [['limit', 2]]);
    assert.match(result.errors[0]?.message ?? '', /^line 2: line is 109 characters long, more than 50; skipped$/);
  });

  it('rejects a sample with more labels than maxLabels', () => {
    const labels = Array.from({ length: 5 }, (_, i) => `l${i}="v"`).join(',');
    const result = parseExposition(`a{${labels}} 1\nb{l0="v"} 2\n`, { maxLabels: 4 });
    assert.deepEqual([...result.families.keys()], ['b']);
    assert.deepEqual(result.errors, [{ code: 'limit', line: 1, column: 31, message: 'line 1: more than 4 labels' }]);
  });

  it('parses only the whole lines within maxChars', () => {
    const result = parseExposition('a 1\nb 2\nc 3\n', { maxChars: 9 });
    assert.deepEqual([...result.families.keys()], ['a', 'b']);
    assert.deepEqual(codesAndLines(result), [['limit', 3]]);
    assert.match(result.errors[0]?.message ?? '', /the text is 12 characters long, more than 9; the rest was not parsed/);
  });

  it('rejects pathological lines (60,000 braces, quotes or backslashes) with one error each', () => {
    const lines = [`m{${'{'.repeat(60_000)}`, `m{a="${'\\"'.repeat(30_000)}`, `m ${'9'.repeat(60_000)}x`, 'ok 1'];
    const result = parseExposition(lines.join('\n'));
    assert.deepEqual(codesAndLines(result), [
      ['syntax', 1],
      ['syntax', 2],
      ['syntax', 3],
    ]);
    assert.deepEqual([...result.families.keys()], ['ok']);
  });

  it('parses a large scrape (100,000 series) completely', () => {
    const lines = ['# TYPE requests_total counter'];
    for (let i = 0; i < 100_000; i++) lines.push(`requests_total{path="/p${i % 1000}",code="${200 + (i % 100)}",shard="${i}"} ${i}`);
    const result = parseExposition(lines.join('\n'));
    assert.deepEqual(result.errors, []);
    assert.equal(result.families.get('requests_total')?.samples.length, 100_000);
  });
});

describe('parseExposition: timestamps at the int64 limits', () => {
  it('accepts the int64 range, leading zeros and a plus sign, and rejects one beyond', () => {
    const result = parseExposition('a 1 9223372036854775807\nb 1 -9223372036854775808\nc 1 +00000000000000000000042\nd 1 9223372036854775808\n');
    assert.deepEqual(
      [...result.families.values()].map((f) => f.samples[0]?.timestampMs),
      [2 ** 63, -(2 ** 63), 42], // int64 bounds, as the nearest JavaScript numbers
    );
    assert.deepEqual(codesAndLines(result), [['syntax', 4]]);
  });
});
