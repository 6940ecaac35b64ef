/**
 * Whether an HTTP response passes a health check, in Uptime Kuma's order: the status must be
 * accepted, then the body must contain the keyword, then the JSON value at the path must
 * equal the expected value. The first check that fails gives the reason.
 */
import type { HealthCheckConfig, StatusRange } from '../config';
import { isAcceptedStatus } from '../config';
import type { ProbeFailureKind } from './failureKind';
import { lookupJsonPath, parseJsonPath } from './jsonPath';

export interface ProbeResponse {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type ResponseVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly kind: ProbeFailureKind };

const SNIPPET_LENGTH = 60;

function describeRanges(ranges: readonly StatusRange[]): string {
  if (ranges.length === 0) return 'none';
  return ranges.map((r) => (r.min === r.max ? String(r.min) : `${r.min}-${r.max}`)).join(', ');
}

/** The start of a body, on one line, for a reason: `"<html><head>…"`. */
function snippet(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > SNIPPET_LENGTH ? `${line.slice(0, SNIPPET_LENGTH)}…` : line);
}

/** A JSON value for a reason: strings quoted, objects abbreviated. */
function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}

/**
 * Whether `actual` equals the configured expected value. Primitives of the same type compare
 * with `===`; otherwise their text is compared, as Uptime Kuma does (`"200"` equals 200,
 * `"true"` equals true), so YAML quoting does not matter. Objects and arrays never match.
 */
function matchesExpected(actual: unknown, expected: string | number | boolean): boolean {
  if (typeof actual === typeof expected) return actual === expected;
  if (actual === null) return String(expected) === 'null';
  if (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') return String(actual) === String(expected);
  return false;
}

export function evaluateResponse(config: HealthCheckConfig, response: ProbeResponse): ResponseVerdict {
  if (!isAcceptedStatus(response.status, config.acceptedStatus)) {
    return { ok: false, kind: 'status', reason: `status ${response.status} is not accepted (${describeRanges(config.acceptedStatus)})` };
  }
  if (config.keyword !== undefined && config.keyword !== '' && !response.body.includes(config.keyword)) {
    return { ok: false, kind: 'keyword', reason: `keyword ${JSON.stringify(config.keyword)} not found in body ${snippet(response.body)}` };
  }
  if (config.json) {
    const { path, expected } = config.json;
    const segments = parseJsonPath(path);
    if (!segments) return { ok: false, kind: 'json', reason: `JSON path ${JSON.stringify(path)} is not a path (like status, checks.db.status or $.status)` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body) as unknown;
    } catch {
      return { ok: false, kind: 'json', reason: `body is not JSON: ${snippet(response.body)}` };
    }
    const found = lookupJsonPath(parsed, segments);
    if (!found.found) return { ok: false, kind: 'json', reason: `JSON path ${path} not found in body` };
    if (!matchesExpected(found.value, expected)) {
      return { ok: false, kind: 'json', reason: `JSON path ${path} is ${show(found.value)}, expected ${show(expected)}` };
    }
  }
  return { ok: true };
}
