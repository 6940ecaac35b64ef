/**
 * The JSON paths a health check may name: `status`, `checks.db.status`, `$.status`,
 * `$.checks[0].status`, `items.0.name`, `$['key.with.dots']`. A leading `$` (the whole body)
 * is optional; `$` alone is the whole body. This is the common subset of JSONPath and of
 * Uptime Kuma's dotted paths: no wildcards, filters or slices.
 */

export type JsonPathSegment = string | number;

/** The segments of a path, or undefined when it is not one (an empty segment, an open bracket). */
export function parseJsonPath(path: string): JsonPathSegment[] | undefined {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (rest === '') return undefined;
  const segments: JsonPathSegment[] = [];
  let first = true;
  while (rest !== '') {
    if (rest.startsWith('[')) {
      const index = /^\[\s*(\d+)\s*\]/.exec(rest);
      const quoted = /^\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]/.exec(rest);
      if (index?.[1] !== undefined) {
        segments.push(Number(index[1]));
        rest = rest.slice(index[0].length);
      } else if (quoted) {
        segments.push((quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/g, '$1'));
        rest = rest.slice(quoted[0].length);
      } else {
        return undefined;
      }
    } else {
      // A dot separates segments; the first segment of a path without `$` has none.
      if (rest.startsWith('.')) rest = rest.slice(1);
      else if (!first || path.trim().startsWith('$')) return undefined;
      const name = /^[^.[\]]+/.exec(rest);
      if (!name) return undefined;
      segments.push(name[0]);
      rest = rest.slice(name[0].length);
    }
    first = false;
  }
  return segments;
}

/** Looks a path up in parsed JSON: `{ found: false }` when a segment is missing. Array items answer to numbers and digit names. */
export function lookupJsonPath(value: unknown, segments: readonly JsonPathSegment[]): { found: true; value: unknown } | { found: false } {
  let current: unknown = value;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : undefined;
      if (index === undefined || index >= current.length) return { found: false };
      current = current[index] as unknown;
    } else if (current !== null && typeof current === 'object') {
      const key = String(segment);
      if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false };
      current = (current as Record<string, unknown>)[key];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
