import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { classifyNodeError } from '../../../src/core/health';

/** An error shaped as Node's system errors are: message, code, errno, syscall and the peer. */
function systemError(message: string, fields: Record<string, string | number>): Error {
  return Object.assign(new Error(message), fields);
}

/** undici's wrapper around a network error. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

describe('classifyNodeError', () => {
  describe('DNS', () => {
    it('ENOTFOUND inside fetch failed, with the host from the error', () => {
      const error = fetchFailed(
        systemError('getaddrinfo ENOTFOUND api.example', { errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'api.example' }),
      );
      assert.deepEqual(classifyNodeError(error), { kind: 'dns', message: 'DNS lookup failed for api.example: ENOTFOUND' });
    });

    it('EAI_AGAIN, with the host from the URL when the error has none', () => {
      const error = fetchFailed(systemError('getaddrinfo EAI_AGAIN', { errno: -3001, code: 'EAI_AGAIN', syscall: 'getaddrinfo' }));
      assert.deepEqual(classifyNodeError(error, { url: 'https://status.internal:8443/health' }), {
        kind: 'dns',
        message: 'DNS lookup failed for status.internal:8443: EAI_AGAIN',
      });
    });
  });

  describe('TLS', () => {
    const cases: Array<[string, string]> = [
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
      ['CERT_HAS_EXPIRED', 'certificate has expired'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: Host: a.example. is not in the cert's altnames: DNS:b.example"],
      ['ERR_SSL_WRONG_VERSION_NUMBER', 'SSL routines::wrong version number'],
    ];
    for (const [code, message] of cases) {
      it(code, () => {
        assert.deepEqual(classifyNodeError(fetchFailed(systemError(message, { code }))), { kind: 'tls', message: `TLS error: ${message} (${code})` });
      });
    }

    it('EPROTO from an SSL handshake', () => {
      const error = systemError('write EPROTO 40A8F7E1F67F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', {
        code: 'EPROTO',
        errno: -71,
        syscall: 'write',
      });
      assert.equal(classifyNodeError(fetchFailed(error)).kind, 'tls');
    });
  });

  describe('connection refused and reset', () => {
    it('ECONNREFUSED names the address and port', () => {
      const error = fetchFailed(
        systemError('connect ECONNREFUSED 127.0.0.1:8080', { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 8080 }),
      );
      assert.deepEqual(classifyNodeError(error), { kind: 'refused', message: 'connection refused by 127.0.0.1:8080: ECONNREFUSED' });
    });

    it('ECONNREFUSED inside an AggregateError (several addresses tried)', () => {
      const v4 = systemError('connect ECONNREFUSED 127.0.0.1:3000', { code: 'ECONNREFUSED', address: '127.0.0.1', port: 3000 });
      const v6 = systemError('connect ECONNREFUSED ::1:3000', { code: 'ECONNREFUSED', address: '::1', port: 3000 });
      const aggregate = new AggregateError([v4, v6], '');
      assert.deepEqual(classifyNodeError(fetchFailed(aggregate)), { kind: 'refused', message: 'connection refused by 127.0.0.1:3000: ECONNREFUSED' });
    });

    it('a real refused fetch on loopback', async () => {
      const port = await closedPort();
      const error = await fetch(`http://127.0.0.1:${port}/health`).then(
        () => assert.fail('nothing listens there'),
        (e: unknown) => e,
      );
      const classified = classifyNodeError(error);
      assert.equal(classified.kind, 'refused');
      assert.match(classified.message, new RegExp(`^connection refused by 127\\.0\\.0\\.1:${port}: ECONNREFUSED$`));
    });

    it('ECONNRESET', () => {
      const error = fetchFailed(systemError('read ECONNRESET', { errno: -104, code: 'ECONNRESET', syscall: 'read' }));
      assert.deepEqual(classifyNodeError(error), { kind: 'reset', message: 'connection reset by the server (ECONNRESET)' });
    });

    it('UND_ERR_SOCKET (other side closed)', () => {
      const socketError = Object.assign(new Error('other side closed'), { name: 'SocketError', code: 'UND_ERR_SOCKET', socket: {} });
      assert.deepEqual(classifyNodeError(fetchFailed(socketError)), { kind: 'reset', message: 'connection closed by the server: other side closed (UND_ERR_SOCKET)' });
    });
  });

  describe('timeouts', () => {
    it('undici header, body and connect timeouts', () => {
      const headers = Object.assign(new Error('Headers Timeout Error'), { name: 'HeadersTimeoutError', code: 'UND_ERR_HEADERS_TIMEOUT' });
      assert.deepEqual(classifyNodeError(fetchFailed(headers)), { kind: 'timeout', message: 'timed out waiting for response headers (UND_ERR_HEADERS_TIMEOUT)' });
      const body = Object.assign(new Error('Body Timeout Error'), { name: 'BodyTimeoutError', code: 'UND_ERR_BODY_TIMEOUT' });
      assert.deepEqual(classifyNodeError(body, { timeoutMs: 8000 }), { kind: 'timeout', message: 'timed out waiting for the response body after 8 s (UND_ERR_BODY_TIMEOUT)' });
      const connect = Object.assign(new Error('Connect Timeout Error'), { name: 'ConnectTimeoutError', code: 'UND_ERR_CONNECT_TIMEOUT' });
      assert.equal(classifyNodeError(fetchFailed(connect)).kind, 'timeout');
    });

    it('AbortSignal.timeout (TimeoutError) and an abort (AbortError)', () => {
      const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      assert.deepEqual(classifyNodeError(timeout, { timeoutMs: 4500 }), { kind: 'timeout', message: 'timed out after 4500 ms' });
      const abort = new DOMException('This operation was aborted', 'AbortError');
      assert.deepEqual(classifyNodeError(abort), { kind: 'timeout', message: 'timed out' });
    });

    it('the reason of a real aborted signal', () => {
      const controller = new AbortController();
      controller.abort();
      assert.equal(classifyNodeError(controller.signal.reason).kind, 'timeout');
    });
  });

  describe('anything else', () => {
    it('is other, with the root cause’s message rather than "fetch failed"', () => {
      const error = fetchFailed(new Error('invalid header value', { cause: systemError('bad byte', { code: 'HPE_INVALID_HEADER_TOKEN' }) }));
      assert.deepEqual(classifyNodeError(error), { kind: 'other', message: 'bad byte (HPE_INVALID_HEADER_TOKEN)' });
    });

    it('host unreachable is other, with a clear message', () => {
      const error = fetchFailed(systemError('connect EHOSTUNREACH 10.0.0.9:80', { code: 'EHOSTUNREACH', address: '10.0.0.9', port: 80 }));
      assert.deepEqual(classifyNodeError(error), { kind: 'other', message: 'host unreachable (10.0.0.9:80): EHOSTUNREACH' });
    });

    it('copes with strings, plain objects, undefined and cause cycles', () => {
      assert.deepEqual(classifyNodeError('boom'), { kind: 'other', message: 'boom' });
      assert.deepEqual(classifyNodeError({}), { kind: 'other', message: 'unknown error' });
      assert.deepEqual(classifyNodeError(undefined), { kind: 'other', message: 'unknown error' });
      const a = new Error('a');
      const b = new Error('b', { cause: a });
      (a as Error & { cause?: unknown }).cause = b;
      assert.equal(classifyNodeError(a).kind, 'other');
      const refused = systemError('connect ECONNREFUSED', { code: 'ECONNREFUSED' });
      const loop = new Error('outer', { cause: refused });
      (refused as Error & { cause?: unknown }).cause = loop;
      assert.deepEqual(classifyNodeError(loop, { url: 'http://127.0.0.1:9/x' }), { kind: 'refused', message: 'connection refused by 127.0.0.1:9: ECONNREFUSED' });
    });

    it('the outermost recognised error decides', () => {
      const inner = systemError('read ECONNRESET', { code: 'ECONNRESET' });
      const outer = Object.assign(new Error('Headers Timeout Error', { cause: inner }), { code: 'UND_ERR_HEADERS_TIMEOUT' });
      assert.equal(classifyNodeError(fetchFailed(outer)).kind, 'timeout');
    });
  });
});
