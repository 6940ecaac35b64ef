import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CounterPoint, Labels, MetricFamily, Sample } from '../../../src/core/metrics';
import { counterIncrease, formatSampleValue, histogramQuantile, parseExposition, renderExposition } from '../../../src/core/metrics';

/**
 * Properties of the exposition parser and the PromQL arithmetic. Fixed seed, so a failure
 * reproduces; `FC_SEED=<n> FC_RUNS=<factor>` to explore further.
 */
const SEED = Number(process.env['FC_SEED'] ?? 20251128);
const RUNS_FACTOR = Number(process.env['FC_RUNS'] ?? 1);
function params<T>(numRuns: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)) };
}

// --- Generated metric families -------------------------------------------------------------

const labelName = fc
  .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/)
  .filter((name) => name !== '__name__' && name !== 'le' && name !== 'quantile');
/** Any code units, and strings dense in the characters the format escapes or uses as syntax. */
const labelValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('\\', '"', '\n', '\r', '\t', ' ', '{', '}', ',', '=', '#', 'a'), maxLength: 12 }),
);
const labelsArb: fc.Arbitrary<Labels> = fc
  .uniqueArray(fc.tuple(labelName, labelValue), { selector: ([name]) => name, maxLength: 4 })
  .map((pairs) => Object.fromEntries(pairs));
const labelSets = (maxLength: number): fc.Arbitrary<Labels[]> =>
  fc.uniqueArray(labelsArb, { selector: (labels) => JSON.stringify(Object.entries(labels).sort()), maxLength });
/** HELP text: the parser skips blanks before it and a CR at the line end, as expfmt does. */
const helpArb = fc.option(
  fc.string({ unit: 'binary', maxLength: 20 }).filter((help) => !/^[ \t]/.test(help) && !help.endsWith('\r')),
  { nil: undefined },
);
const timestampArb = fc.option(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), { nil: undefined });

function sample(name: string, labels: Labels, value: number, timestampMs?: number): Sample {
  return { name, labels, value, ...(timestampMs === undefined ? {} : { timestampMs }), line: 0 };
}

function family(name: string, type: MetricFamily['type'], help: string | undefined, samples: Sample[]): MetricFamily {
  return { name, type, ...(help === undefined ? {} : { help }), samples };
}

type FamilyBuilder = (name: string) => MetricFamily;

const simpleFamily: fc.Arbitrary<FamilyBuilder> = fc
  .record({
    type: fc.constantFrom('counter' as const, 'gauge' as const, 'untyped' as const),
    help: helpArb,
    series: labelSets(4).chain((sets) => fc.tuple(...sets.map((labels) => fc.tuple(fc.constant(labels), fc.double(), timestampArb)))),
  })
  .map(({ type, help, series }) => (name) => family(name, type, help, series.map(([labels, value, ts]) => sample(name, labels, value, ts))));

const histogramFamily: fc.Arbitrary<FamilyBuilder> = fc
  .record({
    help: helpArb,
    series: labelSets(3).chain((sets) =>
      fc.tuple(
        ...sets.map((labels) =>
          fc.record({
            labels: fc.constant(labels),
            bounds: fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), { selector: String, maxLength: 5 }),
            increments: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
            sum: fc.double(),
          }),
        ),
      ),
    ),
  })
  .map(({ help, series }) => (name: string) => {
    const samples: Sample[] = [];
    for (const { labels, bounds, increments, sum } of series) {
      let cumulative = 0;
      const sorted = [...bounds].sort((a, b) => a - b);
      [...sorted, Infinity].forEach((le, i) => {
        cumulative += increments[i] ?? 0;
        samples.push(sample(`${name}_bucket`, { ...labels, le: formatSampleValue(le) }, cumulative));
      });
      samples.push(sample(`${name}_sum`, labels, sum), sample(`${name}_count`, labels, cumulative));
    }
    return family(name, 'histogram', help, samples);
  });

const summaryFamily: fc.Arbitrary<FamilyBuilder> = fc
  .record({
    help: helpArb,
    series: labelSets(3).chain((sets) =>
      fc.tuple(
        ...sets.map((labels) =>
          fc.record({
            labels: fc.constant(labels),
            quantiles: fc.uniqueArray(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double()), { selector: ([q]) => String(q), maxLength: 4 }),
            sum: fc.double(),
            count: fc.nat(),
          }),
        ),
      ),
    ),
  })
  .map(({ help, series }) => (name: string) => {
    const samples: Sample[] = [];
    for (const { labels, quantiles, sum, count } of series) {
      for (const [q, value] of quantiles) samples.push(sample(name, { ...labels, quantile: formatSampleValue(q) }, value));
      samples.push(sample(`${name}_sum`, labels, sum), sample(`${name}_count`, labels, count));
    }
    return family(name, 'summary', help, samples);
  });

/**
 * Families with distinct names. The `f<index>_` prefix keeps one family's name from being
 * another's plus `_sum`, `_count` or `_bucket` (which the format itself cannot tell apart).
 */
const familiesArb: fc.Arbitrary<MetricFamily[]> = fc
  .array(fc.tuple(fc.stringMatching(/^[a-zA-Z0-9_:]{0,10}$/), fc.oneof(simpleFamily, histogramFamily, summaryFamily)), { maxLength: 5 })
  .map((list) => list.map(([suffix, build], index) => build(`f${index}_${suffix}`)));

function withoutLines(families: Iterable<MetricFamily>): MetricFamily[] {
  return [...families].map((f) => ({ ...f, samples: f.samples.map((s) => ({ ...s, line: 0 })) }));
}

describe('metrics properties', () => {
  it('parseExposition(renderExposition(families)) gives the families back, without errors', () => {
    fc.assert(
      fc.property(familiesArb, (families) => {
        const text = renderExposition(families);
        const parsed = parseExposition(text);
        assert.deepEqual(parsed.errors, []);
        assert.deepEqual(withoutLines(parsed.families.values()), families);
        assert.deepEqual(parseExposition(text.replace(/\n/g, '\r\n')).families, parsed.families);
      }),
      params(300),
    );
  });

  it('a malformed line inserted anywhere gives one error on that line and changes nothing else', () => {
    fc.assert(
      fc.property(familiesArb, fc.nat(), fc.constantFrom('m{code"200"} 1', 'm{a="', 'x 1 2 3', '{} 1', 'm NaNa'), (families, at, bad) => {
        const lines = renderExposition(families).split('\n');
        const index = at % lines.length;
        lines.splice(index, 0, bad);
        const parsed = parseExposition(lines.join('\n'));
        assert.deepEqual(
          parsed.errors.map((e) => [e.code, e.line]),
          [['syntax', index + 1]],
        );
        assert.deepEqual(withoutLines(parsed.families.values()), families);
      }),
      params(200),
    );
  });

  it('parseExposition never throws, and every error points into the text', () => {
    const unit = fc.constantFrom('#', ' ', '\t', '\n', '\r', '{', '}', '"', '\\', '=', ',', 'a', '_', '1', '.', 'e', '+', '-', 'Inf', 'NaN', 'le', 'HELP', 'TYPE');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const parsed = parseExposition(text);
        const lineCount = text.split('\n').length;
        for (const error of parsed.errors) {
          assert.ok(error.line >= 1 && error.line <= lineCount, `line ${error.line} of ${lineCount}`);
          assert.ok(error.column >= 1, `column ${error.column}`);
          assert.ok(error.message.startsWith(`line ${error.line}: `), error.message);
        }
      }),
      params(500),
    );
  });

  it('histogramQuantile is monotonic in q, and stays within the finite bounds', () => {
    // Integer bounds keep the interpolation exact, so monotonicity holds without tolerance.
    const bucketsArb = fc.array(fc.record({ le: fc.integer({ min: -50, max: 50 }), count: fc.nat(1000) }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(bucketsArb, fc.nat(1000), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (finite, infCount, q1, q2) => {
        const buckets = [...finite, { le: Infinity, count: infCount }];
        const [low, high] = q1 <= q2 ? [q1, q2] : [q2, q1];
        const a = histogramQuantile(low, buckets);
        const b = histogramQuantile(high, buckets);
        const bounds = finite.map((bucket) => bucket.le);
        for (const result of [a, b]) {
          if (result === undefined) continue;
          assert.ok(result >= Math.min(0, ...bounds) && result <= Math.max(...bounds), `${result} outside the bounds`);
        }
        if (a !== undefined && b !== undefined) assert.ok(a <= b, `q ${low} → ${a} but q ${high} → ${b}`);
      }),
      params(1000),
    );
  });

  it('counterIncrease adds up over consecutive stretches and is never negative for counters', () => {
    const pointsArb = fc
      .array(fc.nat(10_000), { minLength: 2, maxLength: 20 })
      .map((values): CounterPoint[] => values.map((v, i) => ({ t: i * 15_000, v })));
    fc.assert(
      fc.property(pointsArb, fc.nat(), (points, cut) => {
        const split = 1 + (cut % (points.length - 1));
        const whole = counterIncrease(points);
        const left = counterIncrease(points.slice(0, split + 1)) ?? NaN;
        const right = split < points.length - 1 ? (counterIncrease(points.slice(split)) ?? NaN) : 0;
        assert.equal(whole, left + right);
        assert.ok((whole ?? -1) >= 0);
      }),
      params(500),
    );
  });
});
