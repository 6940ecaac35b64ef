/**
 * Numbers of the text exposition format: sample values, `le` and `quantile` label values
 * (Go's strconv.ParseFloat, as Prometheus reads them) and int64 millisecond timestamps
 * (strconv.ParseInt). Scanned by hand: linear, no regular expression.
 */

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

/** Index after the digits starting at `from`. */
function skipDigits(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The float a token spells, or undefined. Accepts what Go's ParseFloat accepts in decimal:
 * an optional sign, digits with an optional point (`1`, `1.`, `.5`), an optional exponent
 * (`1e-3`, `1E+3`); `NaN`, and `Inf` or `Infinity` with an optional sign, in any case.
 * Like ParseFloat, a decimal that overflows (`1e400`) is rejected rather than read as ±Inf.
 * Not accepted: hexadecimal floats and digit separators (`0x1p-3`, `1_000`), which
 * exporters do not write.
 */
export function parseFloatToken(token: string): number | undefined {
  const special = parseSpecial(token);
  if (special !== undefined) return special;
  let i = 0;
  const first = token.charCodeAt(0);
  if (first === 0x2b || first === 0x2d) i = 1; // + -
  const intEnd = skipDigits(token, i);
  let digits = intEnd - i;
  i = intEnd;
  if (token.charCodeAt(i) === 0x2e) {
    // .
    const fracEnd = skipDigits(token, i + 1);
    digits += fracEnd - i - 1;
    i = fracEnd;
  }
  if (digits === 0) return undefined;
  const e = token.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    // e E
    i++;
    const sign = token.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    const expEnd = skipDigits(token, i);
    if (expEnd === i) return undefined;
    i = expEnd;
  }
  if (i !== token.length) return undefined;
  const value = Number(token);
  return Number.isFinite(value) ? value : undefined;
}

function parseSpecial(token: string): number | undefined {
  const lower = token.toLowerCase();
  if (lower === 'nan') return NaN;
  const negative = lower.startsWith('-');
  const body = negative || lower.startsWith('+') ? lower.slice(1) : lower;
  if (body === 'inf' || body === 'infinity') return negative ? -Infinity : Infinity;
  return undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Result of reading a timestamp token: the milliseconds, or why it is not one. */
export type TimestampParse = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: 'syntax' | 'range' };

/**
 * An int64 timestamp in milliseconds, as Go's strconv.ParseInt(token, 10, 64) reads it: an
 * optional sign and decimal digits. Values beyond 2^53 lose precision as JavaScript numbers.
 */
export function parseTimestampToken(token: string): TimestampParse {
  const first = token.charCodeAt(0);
  const start = first === 0x2b || first === 0x2d ? 1 : 0;
  if (token.length === start || skipDigits(token, start) !== token.length) return { ok: false, reason: 'syntax' };
  let significant = start;
  while (significant < token.length - 1 && token.charCodeAt(significant) === DIGIT_0) significant++;
  // int64 has at most 19 digits; checked first so that BigInt never reads a huge number.
  if (token.length - significant > 19) return { ok: false, reason: 'range' };
  const big = BigInt(token);
  if (big < INT64_MIN || big > INT64_MAX) return { ok: false, reason: 'range' };
  return { ok: true, ms: Number(big) };
}

/**
 * A sample value as the text format writes it: `NaN`, `+Inf`, `-Inf`, or the shortest
 * decimal that reads back to the same number (`-0` keeps its sign).
 */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
