/**
 * Checklist success criteria with something to measure. The rule says what must HOLD:
 *
 *   criterion := [checkbox] (absence | statement) clauses [remark] <end>
 *   absence   := ('No' | 'Zero' | '0') metric                     → metric == 0 (counts only)
 *   statement := metric [':'] {filler} (status | comparator quantity)
 *   status    := ['('] {'HTTP' | 'status' | 'code'} number ['OK'] [')']   (health only) → == code
 *   remark    := '(' clauses ')' | '(' anything ')'                a note, ignored
 *
 * "Error rate < 0.5%", "Memory usage stable ±2%", "No OOM conditions",
 * "Health check endpoint responding (HTTP 200)", "Response time p95 < 1000ms".
 *
 * Checklists are prose, so a metric must be one we know by name (or a metric identifier
 * such as `queue_depth`, with `_` or `:`): "Code coverage ≥85%" is a CI fact, not a metric
 * of the deployment, and "User reports: 0 issues" is not measurable. Items without a written
 * threshold ("Response times within normal range", "Memory trending flat (no upward trend)",
 * "Health check endpoint responding") are not rules either: turning them into one would mean
 * inventing its threshold.
 */
import { ParseFailure, TokenCursor, runParser } from './cursor';
import { parseClauses, parseComparator, parseQuantity } from './grammar';
import type { Clauses } from './grammar';
import { MAX_METRIC_WORDS, metricDimensions, recognizeMetric } from './metricNames';
import type { AlertRule, Comparator, MetricName, Quantity } from './model';
import { tokenize } from './tokenize';

const CHECKBOX = /^\s*(?:[-*+]\s+)?\[[ xX]\]\s+/;
const DECORATION = /^(?:\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3)$/u;
const ABSENCE_WORDS = new Set(['no', 'zero']);
/** Words between a metric and its comparator that add nothing to the rule. */
const FILLERS = new Set([
  'should',
  'must',
  'be',
  'is',
  'are',
  'stays',
  'stay',
  'remains',
  'remain',
  'stable',
  'endpoint',
  'responding',
  'responds',
  'returns',
  'returning',
  'with',
]);
const STATUS_WORDS = new Set(['http', 'status', 'code']);
const CLAUSE_WORDS = new Set(['for', 'in', 'over', 'within', 'during', 'per']);

/** The longest run of leading words that names a known metric, or one metric identifier. */
function parseMetric(cursor: TokenCursor): MetricName {
  const words: string[] = [];
  for (let i = 0; i < MAX_METRIC_WORDS; i++) {
    const token = cursor.peek(i);
    if (token?.kind !== 'word' || (i > 0 && cursor.isWord('within', i))) break;
    words.push(token.text);
  }
  for (let count = words.length; count > 0; count--) {
    const metric = recognizeMetric(words.slice(0, count));
    if (metric !== undefined) {
      for (let i = 0; i < count; i++) cursor.next();
      return metric;
    }
  }
  const first = words[0];
  if (first !== undefined && /[_:]/.test(first)) {
    cursor.next();
    return first;
  }
  return cursor.fail('a metric that can be measured');
}

function parseStatus(cursor: TokenCursor): Quantity {
  const open = cursor.peek()?.kind === 'open' ? cursor.next() : undefined;
  while (cursor.isWordIn(STATUS_WORDS)) cursor.next();
  const status = parseQuantity(cursor, 'health_status', '==');
  if (cursor.isWord('ok')) cursor.next();
  if (open) {
    if (cursor.peek()?.kind !== 'close') cursor.fail("')'");
    cursor.next();
  }
  return status;
}

/** A parenthesised note after the rule: clauses are read ("(for 5m)"), anything else skipped. */
function parseRemark(cursor: TokenCursor, clauses: Clauses): void {
  if (cursor.peek()?.kind !== 'open') return;
  cursor.next();
  if (cursor.isWordIn(CLAUSE_WORDS)) {
    const inner = parseClauses(cursor);
    if (inner.window) {
      if (clauses.window) throw new ParseFailure('expected one window only', cursor.column());
      clauses.window = inner.window;
    }
    if (inner.for) {
      if (clauses.for) throw new ParseFailure("expected one 'for' only", cursor.column());
      clauses.for = inner.for;
    }
    if (cursor.peek()?.kind !== 'close') cursor.fail("')'");
    cursor.next();
    return;
  }
  let depth = 1;
  for (let token = cursor.next(); token !== undefined; token = cursor.next()) {
    if (token.kind === 'open') depth++;
    if (token.kind === 'close' && --depth === 0) return;
  }
}

function parseCriterion(cursor: TokenCursor, text: string): AlertRule {
  let metric: MetricName;
  let comparator: Comparator;
  let threshold: Quantity;
  const lead = cursor.peek();
  if (lead && (cursor.isWordIn(ABSENCE_WORDS) || (lead.kind === 'number' && lead.value === 0))) {
    cursor.next();
    metric = parseMetric(cursor);
    if (!metricDimensions(metric).includes('count')) throw new ParseFailure(`expected a metric that counts, found ${metric}`, lead.end);
    comparator = '==';
    threshold = { value: 0, unit: 'count', raw: lead.text, canonical: { value: 0, unit: 'count' } };
  } else {
    metric = parseMetric(cursor);
    if (cursor.peek()?.kind === 'colon') cursor.next();
    while (cursor.isWordIn(FILLERS)) cursor.next();
    const next = cursor.peek();
    if (metric === 'health_status' && (next?.kind === 'open' || next?.kind === 'number' || cursor.isWordIn(STATUS_WORDS))) {
      comparator = '==';
      threshold = parseStatus(cursor);
    } else {
      comparator = parseComparator(cursor, metric);
      threshold = parseQuantity(cursor, metric, comparator);
    }
  }
  const clauses = parseClauses(cursor);
  parseRemark(cursor, clauses);
  if (!cursor.atEnd()) cursor.fail('the end of the item');
  return {
    metric,
    comparator,
    threshold,
    ...(clauses.window ? { window: clauses.window } : {}),
    ...(clauses.for ? { for: clauses.for } : {}),
    text,
    source: 'criterion',
  };
}

/**
 * The rule a checklist item states ("Error rate < 0.5%" → error_rate < 0.5%), or undefined
 * when the item has nothing measurable. Decorations (✅, emoji) and a leading `- [ ]` are
 * ignored; the rule's `text` is `text` verbatim and its `source` is `criterion`.
 */
export function parseChecklistCriterion(text: string): AlertRule | undefined {
  const body = text.replace(CHECKBOX, '');
  const tokens = tokenize(body).filter((t) => !(t.kind === 'other' && DECORATION.test(t.text)));
  const result = runParser(() => parseCriterion(new TokenCursor(tokens, body), text));
  return result.ok ? result.value : undefined;
}
