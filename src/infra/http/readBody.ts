import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { ResponseTooLargeError } from './errors';

/** Stops reading a body and closes its connection (undici then emits an abort error, which is expected). */
export function discardBody(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

export interface BodyText {
  text: string;
  /** Bytes kept (at most the limit). */
  bytes: number;
  /** True when the body was longer than the limit and was cut there. */
  truncated: boolean;
}

/**
 * Reads a response body as UTF-8 up to `maxBytes`. Over the limit it either stops and truncates
 * (a partial multi-byte character at the cut is dropped) or throws ResponseTooLargeError; either
 * way the rest is not read and the stream is destroyed, which closes the connection.
 */
export async function readBodyText(body: Readable, maxBytes: number, overflow: 'truncate' | 'reject', url: string): Promise<BodyText> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = maxBytes - bytes;
    if (chunk.length > room) {
      discardBody(body);
      if (overflow === 'reject') throw new ResponseTooLargeError(url, maxBytes);
      text += decoder.write(chunk.subarray(0, room));
      return { text, bytes: maxBytes, truncated: true };
    }
    text += decoder.write(chunk);
    bytes += chunk.length;
  }
  return { text: text + decoder.end(), bytes, truncated: false };
}
