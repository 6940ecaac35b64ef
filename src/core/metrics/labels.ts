/** Reading, matching and identifying label sets. */
import type { Labels } from './model';
import { parseFloatToken } from './numbers';

/** The value of label `name`, or undefined when the sample has no such label. */
export function labelValue(labels: Labels, name: string): string | undefined {
  return Object.hasOwn(labels, name) ? labels[name] : undefined;
}

/**
 * A label set from `[name, value]` pairs, kept in their order. A label named `__proto__` is
 * defined as an own property (plain assignment would set the object's prototype instead).
 */
export function makeLabels(pairs: Iterable<readonly [string, string]>): Labels {
  const labels: Record<string, string> = {};
  for (const [name, value] of pairs) setLabel(labels, name, value);
  return labels;
}

/** Sets a label as an own property, `__proto__` included. */
export function setLabel(labels: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__') Object.defineProperty(labels, name, { value, enumerable: true, writable: true, configurable: true });
  else labels[name] = value;
}

/** The labels other than `omit` (for example a histogram bucket's labels without `le`). */
export function labelsWithout(labels: Labels, omit: string): Labels {
  return makeLabels(Object.entries(labels).filter(([name]) => name !== omit));
}

/**
 * Selects series by their labels: either required values (`{ job: 'api' }`: every listed
 * label present with exactly that value, as PromQL's `=` matchers), or a predicate.
 */
export type LabelMatcher = Readonly<Record<string, string>> | ((labels: Labels) => boolean);

/** True when `labels` satisfy `matcher`; every label set satisfies an absent matcher. */
export function matchesLabels(labels: Labels, matcher: LabelMatcher | undefined): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'function') return matcher(labels);
  for (const [name, value] of Object.entries(matcher)) {
    if (labelValue(labels, name) !== value) return false;
  }
  return true;
}

/**
 * One string per distinct series: the sample name and its labels, sorted by label name. The
 * values of `le` and `quantile` are compared as numbers, as Prometheus does (`1`, `1.0` and
 * `1e0` are one bucket).
 */
export function seriesKey(name: string, labels: Labels): string {
  const names = Object.keys(labels);
  if (!isSorted(names)) names.sort();
  let key = name;
  for (const label of names) {
    const value = labels[label] ?? '';
    // Label names hold no `=`, `,` or `"`, and JSON quoting is unambiguous: the key is too.
    key += `,${label}=${JSON.stringify(label === 'le' || label === 'quantile' ? normalizedBound(value) : value)}`;
  }
  return key;
}

function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if ((names[i - 1] ?? '') > (names[i] ?? '')) return false;
  return true;
}

function normalizedBound(value: string): string {
  const number = parseFloatToken(value);
  return number === undefined ? value : String(number);
}

/** `name{a="1",b="2"}` for messages (values escaped as in the text format). */
export function describeSeries(name: string, labels: Labels): string {
  const pairs = Object.entries(labels).map(([label, value]) => `${label}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? name : `${name}{${pairs.join(',')}}`;
}

/** Escapes a label value for the text format: `\` → `\\`, `"` → `\"`, line feed → `\n`. */
export function escapeLabelValue(value: string): string {
  let out = '';
  for (const char of value) {
    out += char === '\\' ? '\\\\' : char === '"' ? '\\"' : char === '\n' ? '\\n' : char;
  }
  return out;
}
