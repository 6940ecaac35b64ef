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
import { buildRule, parseClauses, parseComparator, parseQuantity } from './grammar';
import type { Clauses } from './grammar';
import { MAX_METRIC_WORDS, longestMetricPrefix, metricDimensions } from './metricNames';
import type { AlertRule, Comparator, MetricName, Quantity } from './model';
import { firstToken, tokenize } from './tokenize';
import type { Token } from './tokenize';

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

/** Reads the metric metricAhead found at the cursor. */
function takeMetric(cursor: TokenCursor, found: { readonly metric: MetricName; readonly count: number }): MetricName {
  for (let i = 0; i < found.count; i++) cursor.next();
  return found.metric;
}

/**
 * The longest run of leading words from the token `ahead` on that names a known metric, or
 * one metric identifier, and how many tokens it takes; undefined when the item names no
 * metric it can measure.
 */
function metricAhead(cursor: TokenCursor, ahead: number): { readonly metric: MetricName; readonly count: number } | undefined {
  const words: string[] = [];
  for (let i = 0; i < MAX_METRIC_WORDS; i++) {
    const token = cursor.peek(ahead + i);
    if (token?.kind !== 'word' || (i > 0 && cursor.isWord('within', ahead + i))) break;
    words.push(token.text);
  }
  const known = longestMetricPrefix(words);
  if (known) return known;
  const first = words[0];
  if (first !== undefined && /[_:]/.test(first)) return { metric: first, count: 1 };
  return undefined;
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

/** `found`: what parseMetric reads where the metric starts (after an absence word), read beforehand. */
function parseCriterion(cursor: TokenCursor, text: string, found: { readonly metric: MetricName; readonly count: number }): AlertRule {
  let metric: MetricName;
  let comparator: Comparator;
  let threshold: Quantity;
  const lead = cursor.peek();
  if (lead && (cursor.isWordIn(ABSENCE_WORDS) || (lead.kind === 'number' && lead.value === 0))) {
    cursor.next();
    metric = takeMetric(cursor, found);
    if (!metricDimensions(metric).includes('count')) throw new ParseFailure(`expected a metric that counts, found ${metric}`, lead.end);
    comparator = '==';
    threshold = { value: 0, unit: 'count', raw: lead.text, canonical: { value: 0, unit: 'count' } };
  } else {
    metric = takeMetric(cursor, found);
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
  return buildRule({ metric, comparator, threshold, clauses }, text, 'criterion');
}

function isRuleToken(t: Token): boolean {
  return !(t.kind === 'other' && DECORATION.test(t.text));
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/**
 * False for items parseCriterion cannot read, found without parsing them: every rule it reads
 * takes a number token (which needs an ASCII digit) except an absence ("No OOM conditions"),
 * which starts with the word `no` or `zero`.
 */
function mayStateRule(body: string): boolean {
  if (hasDigit(body)) return true;
  const lead = firstToken(body, isRuleToken);
  return lead?.kind === 'word' && ABSENCE_WORDS.has(lead.text.toLowerCase());
}

/**
 * The rule a checklist item states ("Error rate < 0.5%" → error_rate < 0.5%), or undefined
 * when the item has nothing measurable. Decorations (✅, emoji) and a leading `- [ ]` are
 * ignored; the rule's `text` is `text` verbatim and its `source` is `criterion`.
 */
export function parseChecklistCriterion(text: string): AlertRule | undefined {
  const body = text.replace(CHECKBOX, '');
  if (!mayStateRule(body)) return undefined;
  const tokens = tokenize(body).filter(isRuleToken);
  const cursor = new TokenCursor(tokens, body);
  // Most items name no metric: tell so before parsing (parseCriterion would fail in parseMetric).
  const lead = cursor.peek();
  const absence = lead !== undefined && (cursor.isWordIn(ABSENCE_WORDS) || (lead.kind === 'number' && lead.value === 0));
  const found = metricAhead(cursor, absence ? 1 : 0);
  if (!found) return undefined;
  const result = runParser(() => parseCriterion(cursor, text, found));
  return result.ok ? result.value : undefined;
}
