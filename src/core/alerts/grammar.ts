/**
 * The grammar pieces both rule parsers share, one function per rule:
 *
 *   comparator := '>' | '>=' | '≥' | '<' | '<=' | '≤' | '==' | '=' | '!=' | '≠'
 *                | '±' | '+/-' | 'within' ['±']
 *   quantity   := number [unit]                 unit checked against the metric
 *   clauses    := { ('in' | 'over' | 'within' | 'during') ['the'] ['last' | 'past'] duration
 *                 | 'per' (unit-word | duration)
 *                 | 'for' duration }            at most one window and one `for`
 *   duration   := part { ['and'] part }         units from largest to smallest
 *   part       := number unit-word | ('a' | 'an') unit-word
 *
 * `1h30m` tokenizes as 1 h 30 m, so Prometheus durations and "1 hour 30 minutes" are one rule.
 */
import type { TokenCursor } from './cursor';
import { ParseFailure } from './cursor';
import { describeDimensions, impliedUnit, metricDimensions } from './metricNames';
import type { AlertRule, Comparator, Duration, MetricName, Quantity, QuantityUnit } from './model';
import { describeToken } from './tokenize';
import type { Token } from './tokenize';
import { UNIT_INFO, clean, durationUnit, thresholdUnit, toCanonical } from './units';
import type { DurationUnit } from './units';

const OPERATORS: Readonly<Record<string, Comparator>> = {
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '⩾': '>=',
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '⩽': '<=',
  '==': '==',
  '=': '==',
  '!=': '!=',
  '≠': '!=',
  '±': 'within',
  '+/-': 'within',
  '+-': 'within',
};

export const COMPARATOR_HINT = 'a comparison operator (>, >=, <, <=, ==, !=, ≥, ≤, ≠) or a ± band';

export function isComparatorAhead(cursor: TokenCursor): boolean {
  const token = cursor.peek();
  return (token?.kind === 'operator' && OPERATORS[token.text] !== undefined) || cursor.isWord('within');
}

export function parseComparator(cursor: TokenCursor, after: string): Comparator {
  const token = cursor.peek();
  if (token?.kind === 'operator') {
    const comparator = OPERATORS[token.text];
    if (comparator !== undefined) {
      cursor.next();
      return comparator;
    }
  }
  if (cursor.isWord('within')) {
    cursor.next();
    if (cursor.peek()?.kind === 'operator' && OPERATORS[cursor.peek()?.text ?? ''] === 'within') cursor.next();
    return 'within';
  }
  return cursor.fail(`${COMPARATOR_HINT} after '${after}'`);
}

const PER_SECOND_WORDS = new Set(['s', 'sec', 'second']);
const REQUEST_WORDS = new Set(['req', 'reqs', 'request', 'requests']);

/** A unit written after the number: its tokens consumed, or undefined (nothing consumed). */
function readUnit(cursor: TokenCursor): { unit: QuantityUnit; last: Token; first: Token } | undefined {
  const token = cursor.peek();
  if (token === undefined) return undefined;
  if (token.kind === 'percent') {
    cursor.next();
    return { unit: '%', first: token, last: token };
  }
  // "/s", "req/s"
  const slashAt = cursor.isWordIn(REQUEST_WORDS) ? 1 : 0;
  const slash = cursor.peek(slashAt);
  const perSecond = cursor.peek(slashAt + 1);
  if (slash?.kind === 'slash' && perSecond !== undefined && cursor.isWordIn(PER_SECOND_WORDS, slashAt + 1)) {
    for (let i = 0; i <= slashAt + 1; i++) cursor.next();
    return { unit: '/s', first: token, last: perSecond };
  }
  if (token.kind !== 'word') return undefined;
  const unit = thresholdUnit(token.text);
  if (unit === undefined) return undefined;
  cursor.next();
  return { unit, first: token, last: token };
}

/** A threshold for `metric`: a number and a unit the metric can be measured in. */
export function parseQuantity(cursor: TokenCursor, metric: MetricName, comparator: Comparator): Quantity {
  const number = cursor.peek();
  if (number?.kind !== 'number' || number.value === undefined) return cursor.fail('a number (the threshold)');
  cursor.next();
  const written = number.value;
  if (!Number.isFinite(written)) throw new ParseFailure(`expected a number of sensible size, found '${number.text}'`, number.start);
  const dimensions = metricDimensions(metric);
  const unitToken = cursor.peek();
  const read = readUnit(cursor);
  let unit: QuantityUnit;
  if (read) {
    if (!dimensions.includes(UNIT_INFO[read.unit].dimension)) {
      throw new ParseFailure(
        `expected ${describeDimensions(dimensions)} for ${metric}, found '${cursor.source(read.first, read.last)}'`,
        read.first.start,
      );
    }
    unit = read.unit;
  } else {
    const implied = impliedUnit(metric);
    if (implied === undefined) {
      const looksLikeRatio = dimensions.includes('percent') && written > 0 && written <= 1;
      const ratioHint = looksLikeRatio ? ` (write ${clean(written * 100)}% for a ratio of ${written})` : '';
      throw new ParseFailure(
        `expected a unit after ${number.text} for ${metric}, which is measured as ${describeDimensions(dimensions)}, found ${describeToken(unitToken)}${ratioHint}`,
        unitToken?.start ?? number.end,
      );
    }
    unit = implied;
  }
  if (unit === 'status' && !(Number.isInteger(written) && written >= 100 && written <= 599)) {
    throw new ParseFailure(`expected an HTTP status code (100 to 599), found '${number.text}'`, number.start);
  }
  if (comparator === 'within' && written < 0) {
    throw new ParseFailure(`expected a band that is not negative after ±, found '${number.text}'`, number.start);
  }
  const last = read?.last ?? number;
  return {
    value: written,
    unit,
    raw: cursor.source(number, last),
    canonical: { value: toCanonical(written, unit), unit: UNIT_INFO[unit].canonicalUnit },
  };
}

/** A unit word straight after a number ("5 minutes", "1h"). */
function durationUnitAt(cursor: TokenCursor, ahead: number): DurationUnit | undefined {
  const token = cursor.peek(ahead);
  return token?.kind === 'word' ? durationUnit(token.text) : undefined;
}

const ARTICLES = new Set(['a', 'an']);

function startsDurationPart(cursor: TokenCursor, ahead: number): boolean {
  const token = cursor.peek(ahead);
  return (token?.kind === 'number' || cursor.isWordIn(ARTICLES, ahead)) && durationUnitAt(cursor, ahead + 1) !== undefined;
}

export const DURATION_HINT = 'like 5m, 1h30m or 10 minutes';

/** A duration: "5m", "1h30m", "10 minutes", "1 hour and 30 minutes", "an hour". */
export function parseDuration(cursor: TokenCursor, after: string | undefined): Duration {
  const first = cursor.peek();
  let seconds = 0;
  let last: Token | undefined;
  let previousUnit: DurationUnit | undefined;
  for (;;) {
    const amount = cursor.peek();
    const isArticle = cursor.isWordIn(ARTICLES);
    if (amount?.kind !== 'number' && !isArticle) {
      return cursor.fail(after === undefined ? `a duration (${DURATION_HINT})` : `a duration after '${after}' (${DURATION_HINT})`);
    }
    const value = isArticle ? 1 : (amount?.value ?? Number.NaN);
    cursor.next();
    const unit = durationUnitAt(cursor, 0);
    if (unit === undefined) {
      return cursor.fail(`a time unit after ${amount?.text ?? ''} (ms, s, m, h, d, w, or a word like minutes)`);
    }
    if (!Number.isFinite(value) || value < 0) {
      throw new ParseFailure(`expected a duration that is not negative, found '${amount?.text ?? ''}'`, amount?.start ?? 0);
    }
    if (previousUnit !== undefined && unit.seconds >= previousUnit.seconds) {
      throw new ParseFailure(
        `expected duration units from largest to smallest (like 1h30m), found '${cursor.peek()?.text ?? ''}' after '${previousUnit.symbol}'`,
        cursor.column(),
      );
    }
    last = cursor.next();
    previousUnit = unit;
    seconds += value * unit.seconds;
    if (startsDurationPart(cursor, 0)) continue;
    if (cursor.isWord('and') && startsDurationPart(cursor, 1)) {
      cursor.next();
      continue;
    }
    break;
  }
  return { seconds: clean(seconds), raw: first && last ? cursor.source(first, last) : '' };
}

const WINDOW_WORDS = new Set(['in', 'over', 'within', 'during']);
const RECENT_WORDS = new Set(['last', 'past']);

export interface Clauses {
  window?: Duration;
  for?: Duration;
}

/** The optional window and `for` clauses, in any order; stops at anything else. */
export function parseClauses(cursor: TokenCursor): Clauses {
  const clauses: Clauses = {};
  for (;;) {
    const keyword = cursor.peek();
    if (keyword === undefined || keyword.kind !== 'word') return clauses;
    const word = keyword.text.toLowerCase();
    if (word === 'for') {
      if (clauses.for) throw new ParseFailure(`expected one 'for' only, found a second one (the first is for ${clauses.for.raw})`, keyword.start);
      cursor.next();
      clauses.for = parseDuration(cursor, keyword.text);
      continue;
    }
    if (!WINDOW_WORDS.has(word) && word !== 'per') return clauses;
    if (clauses.window) {
      throw new ParseFailure(`expected one window only, found '${keyword.text}' (the window is already ${clauses.window.raw})`, keyword.start);
    }
    cursor.next();
    if (word === 'per') {
      const unit = durationUnitAt(cursor, 0);
      const unitToken = cursor.peek();
      if (unit !== undefined && unitToken !== undefined) {
        cursor.next();
        clauses.window = { seconds: unit.seconds, raw: unitToken.text };
        continue;
      }
    } else {
      if (cursor.isWord('the')) cursor.next();
      if (cursor.isWordIn(RECENT_WORDS)) cursor.next();
    }
    clauses.window = parseDuration(cursor, keyword.text);
  }
}

/** The rule from its parsed parts: `window` and `for` only when written. */
export function buildRule(
  parts: { metric: MetricName; comparator: Comparator; threshold: Quantity; clauses: Clauses },
  text: string,
  source: AlertRule['source'],
): AlertRule {
  const { metric, comparator, threshold, clauses } = parts;
  return {
    metric,
    comparator,
    threshold,
    ...(clauses.window ? { window: clauses.window } : {}),
    ...(clauses.for ? { for: clauses.for } : {}),
    text,
    source,
  };
}
