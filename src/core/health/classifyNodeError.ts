/**
 * Turns what `fetch` (undici) or Node's `http`/`net`/`tls` throw into a ProbeFailureKind and a
 * message an operator understands ("DNS lookup failed for api.example: ENOTFOUND").
 *
 * undici wraps network errors: `TypeError: fetch failed` with the system error as `cause`
 * (which may itself have a cause, or be an AggregateError with `errors` when several
 * addresses were tried). The whole chain is searched, outermost first, and the first error
 * whose code or name is recognised decides.
 */
import type { ProbeFailureKind } from './failureKind';

export interface ClassifiedError {
  readonly kind: ProbeFailureKind;
  readonly message: string;
}

/** What the caller knows about the probe, for messages: the URL probed and the timeout in force. */
export interface ErrorContext {
  readonly url?: string;
  readonly timeoutMs?: number;
}

interface ErrorFields {
  readonly code?: string;
  readonly name?: string;
  readonly message?: string;
  readonly hostname?: string;
  readonly address?: string;
  readonly port?: number;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'HOSTNAME_MISMATCH',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ABORT_ERR']);
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED']);
const TIMEOUT_WHAT: Readonly<Record<string, string>> = {
  UND_ERR_HEADERS_TIMEOUT: 'waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'waiting for the response body',
  UND_ERR_CONNECT_TIMEOUT: 'connecting',
  ETIMEDOUT: 'connecting',
};

function fieldsOf(error: unknown): ErrorFields | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const record = error as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof record[key] === 'string' ? record[key] : undefined);
  return {
    code: text('code'),
    name: text('name'),
    message: text('message'),
    hostname: text('hostname') ?? text('host'),
    address: text('address'),
    port: typeof record['port'] === 'number' ? record['port'] : undefined,
  };
}

/** The error and its causes (and an AggregateError's errors), outermost first, each once. */
function chain(error: unknown): unknown[] {
  const seen = new Set<unknown>();
  const order: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && order.length < 32) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.has(next)) continue;
    seen.add(next);
    order.push(next);
    if (typeof next === 'object') {
      const record = next as Record<string, unknown>;
      if ('cause' in record) queue.push(record['cause']);
      if (Array.isArray(record['errors'])) queue.push(...(record['errors'] as unknown[]));
    }
  }
  return order;
}

function hostOf(fields: ErrorFields, context: ErrorContext): string | undefined {
  if (fields.hostname) return fields.hostname;
  if (!context.url) return undefined;
  try {
    return new URL(context.url).host;
  } catch {
    return undefined;
  }
}

function peerOf(fields: ErrorFields, context: ErrorContext): string | undefined {
  if (fields.address) return fields.port === undefined ? fields.address : `${fields.address}:${fields.port}`;
  return hostOf(fields, context);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** The kind and message for one error of the chain, when its code or name is known. */
function classifyOne(fields: ErrorFields, context: ErrorContext): ClassifiedError | undefined {
  const code = fields.code ?? '';
  const detail = fields.message ?? code;
  if (DNS_CODES.has(code)) {
    const host = hostOf(fields, context);
    return { kind: 'dns', message: `DNS lookup failed${host ? ` for ${host}` : ''}: ${code}` };
  }
  if (TLS_CODES.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
    return { kind: 'tls', message: `TLS error: ${detail}${detail.includes(code) ? '' : ` (${code})`}` };
  }
  if (code === 'EPROTO' && /ssl|tls/i.test(detail)) return { kind: 'tls', message: `TLS error: ${detail}` };
  if (code === 'ECONNREFUSED') {
    const peer = peerOf(fields, context);
    return { kind: 'refused', message: `connection refused${peer ? ` by ${peer}` : ''}: ECONNREFUSED` };
  }
  if (RESET_CODES.has(code)) {
    const how = code === 'UND_ERR_SOCKET' ? `closed by the server: ${detail}` : 'reset by the server';
    return { kind: 'reset', message: `connection ${how} (${code})` };
  }
  if (TIMEOUT_CODES.has(code) || fields.name === 'AbortError' || fields.name === 'TimeoutError') {
    const what = TIMEOUT_WHAT[code];
    const limit = context.timeoutMs === undefined ? '' : ` after ${seconds(context.timeoutMs)}`;
    return { kind: 'timeout', message: `timed out${what ? ` ${what}` : ''}${limit}${code ? ` (${code})` : ''}` };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    const peer = peerOf(fields, context);
    return { kind: 'other', message: `${code === 'EHOSTUNREACH' ? 'host' : 'network'} unreachable${peer ? ` (${peer})` : ''}: ${code}` };
  }
  return undefined;
}

/**
 * Codes: ENOTFOUND, EAI_AGAIN (and the other EAI_ codes) → `dns`; CERT_*, ERR_TLS_*, ERR_SSL_*,
 * UNABLE_TO_VERIFY_LEAF_SIGNATURE, DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN and
 * friends → `tls`; ECONNREFUSED → `refused`; ECONNRESET, UND_ERR_SOCKET, EPIPE → `reset`;
 * UND_ERR_HEADERS_TIMEOUT, UND_ERR_BODY_TIMEOUT, UND_ERR_CONNECT_TIMEOUT, ETIMEDOUT and an
 * AbortError or TimeoutError (an aborted fetch, `AbortSignal.timeout`) → `timeout`. Anything
 * else is `other`, with the innermost message (the root cause, not "fetch failed").
 */
export function classifyNodeError(error: unknown, context: ErrorContext = {}): ClassifiedError {
  const errors = chain(error);
  for (const item of errors) {
    const fields = fieldsOf(item);
    const classified = fields && classifyOne(fields, context);
    if (classified) return classified;
  }
  const innermost = errors[errors.length - 1];
  const fields = fieldsOf(innermost);
  const primitive = typeof innermost === 'string' || typeof innermost === 'number' || typeof innermost === 'boolean' ? String(innermost) : undefined;
  const message = fields?.message || fields?.code || primitive || 'unknown error';
  return { kind: 'other', message: fields?.code && !message.includes(fields.code) ? `${message} (${fields.code})` : message };
}
