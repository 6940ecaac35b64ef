/**
 * Alert conditions, as runbooks write them:
 *
 *   condition := metric comparator quantity clauses <end>
 *   metric    := word { word }       up to the comparator; see metricNames.ts
 *
 * "memory_growth > 5% in 1 hour", "p95 latency > 1s", "cpu > 90% for 10 minutes",
 * "response_time_p99 > 2 s over 15m". Anything else fails at the column where understanding
 * stopped, saying what was expected; nothing is guessed.
 */
import { TokenCursor, runParser } from './cursor';
import { DURATION_HINT, buildRule, parseClauses, parseComparator, parseDuration, parseQuantity } from './grammar';
import { customMetricName, recognizeMetric } from './metricNames';
import type { AlertRule, Duration, MetricName, ParseResult } from './model';
import { tokenize } from './tokenize';
import type { Token } from './tokenize';

function parseMetric(cursor: TokenCursor): { metric: MetricName; last: Token } {
  const words: Token[] = [];
  for (let token = cursor.peek(); token?.kind === 'word'; token = cursor.peek()) {
    // "memory_usage within 2%": `within` is the comparator once a name has begun.
    if (words.length > 0 && cursor.isWord('within')) break;
    words.push(token);
    cursor.next();
  }
  const last = words[words.length - 1];
  if (last === undefined) return cursor.fail('a metric name (like error_rate or memory usage)');
  const texts = words.map((w) => w.text);
  return { metric: recognizeMetric(texts) ?? customMetricName(texts), last };
}

/** Parses one alert condition ("error_rate > 1% for 5m"); the rule's `source` is `condition`. */
export function parseAlertCondition(text: string): ParseResult<AlertRule> {
  return runParser(() => {
    const cursor = new TokenCursor(tokenize(text), text);
    const { metric, last } = parseMetric(cursor);
    const comparator = parseComparator(cursor, last.text);
    const threshold = parseQuantity(cursor, metric, comparator);
    const clauses = parseClauses(cursor);
    if (!cursor.atEnd()) cursor.fail("'in', 'over', 'per' or 'for' and a duration, or the end of the condition");
    return buildRule({ metric, comparator, threshold, clauses }, text, 'condition');
  });
}

/** Parses a duration on its own: "5m", "1h30m", "10 minutes", "an hour". */
export function parseDurationText(text: string): ParseResult<Duration> {
  return runParser(() => {
    const cursor = new TokenCursor(tokenize(text), text);
    const duration = parseDuration(cursor, undefined);
    if (!cursor.atEnd()) cursor.fail(`the end of the duration (${DURATION_HINT})`);
    return duration;
  });
}
