import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { Deadline } from './deadline';
import { ResponseTooLargeError } from './errors';
import { discardBody, readBodyText } from './readBody';

export type HttpHeaders = Readonly<Record<string, string>>;

export interface TextRequestOptions {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: HttpHeaders;
  body?: string;
  /** Total deadline for connect, headers and body, ms. */
  timeoutMs: number;
  /** Body size limit in bytes. */
  maxBytes: number;
  /** Over the limit: cut the body there (`truncate`) or fail with ResponseTooLargeError (`reject`). */
  overflow: 'truncate' | 'reject';
  /** undici dispatcher (an HttpClient's Agent); default undici's global one. */
  dispatcher?: Dispatcher;
  /** The caller's cancellation. */
  signal?: AbortSignal;
}

export interface TextResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: HttpHeaders;
  text: string;
  truncated: boolean;
  /** From sending the request to the end of the body (or the cut), measured with performance.now(). */
  latencyMs: number;
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * One HTTP request whose body is read as text within a size limit and a total deadline.
 * Never follows redirects (a 3xx is returned as is). Failures are thrown unchanged (undici's and
 * Node's errors, e.g. code ECONNREFUSED) except HttpTimeoutError and ResponseTooLargeError.
 */
export async function requestText(url: string, options: TextRequestOptions): Promise<TextResponse> {
  const deadline = new Deadline(url, options.timeoutMs, options.signal);
  const started = performance.now();
  try {
    const response = await request(url, {
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
      body: options.body ?? null,
      dispatcher: options.dispatcher,
      signal: deadline.signal,
      maxRedirections: 0,
    });
    const headers = flattenHeaders(response.headers);
    const declared = Number(headers['content-length']);
    if (options.overflow === 'reject' && declared > options.maxBytes) {
      discardBody(response.body);
      throw new ResponseTooLargeError(url, options.maxBytes, declared);
    }
    const body = await readBodyText(response.body, options.maxBytes, options.overflow, url);
    return { status: response.statusCode, headers, text: body.text, truncated: body.truncated, latencyMs: performance.now() - started };
  } catch (error) {
    throw deadline.explain(error);
  } finally {
    deadline.dispose();
  }
}
