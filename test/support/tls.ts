/**
 * TLS for tests: a self-signed certificate made at test time with the `openssl` command line
 * (nothing is checked in, nothing outlives the test), and an HTTPS server on 127.0.0.1 that
 * presents it. A client that verifies certificates (undici, Node's https) must refuse it with
 * DEPTH_ZERO_SELF_SIGNED_CERT.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** The openssl executable on PATH, or undefined. */
export function findOpenssl(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, process.platform === 'win32' ? 'openssl.exe' : 'openssl');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface SelfSignedCertificate {
  /** PEM. */
  readonly key: string;
  /** PEM. */
  readonly cert: string;
}

export interface CertificateOptions {
  /** Subject CN and DNS/IP subject alternative name (default 127.0.0.1, an IP SAN). */
  readonly host?: string;
  /** Validity in days (default 1). */
  readonly days?: number;
}

function run(file: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 20_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} ${args[0] ?? ''} failed: ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}

/**
 * A fresh self-signed certificate (EC P-256, so it takes milliseconds) for `host`, made with
 * `openssl req -x509` in a temporary directory that is removed before this resolves.
 * Throws when openssl is not on PATH (call findOpenssl() first to skip instead).
 */
export async function makeSelfSignedCertificate(options: CertificateOptions = {}): Promise<SelfSignedCertificate> {
  const openssl = findOpenssl();
  if (!openssl) throw new Error('openssl is not on PATH');
  const host = options.host ?? '127.0.0.1';
  const san = /^[\d.]+$/.test(host) || host.includes(':') ? `IP:${host}` : `DNS:${host}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deploy-pilot-tls-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    await run(openssl, [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      String(options.days ?? 1),
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=${san}`,
    ]);
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface HttpsTestServer {
  /** e.g. https://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Requests that got past the TLS handshake (0 when every client refused the certificate). */
  readonly requests: number;
  /** Destroys every socket and closes the server. */
  close(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1 presenting `certificate`, answering every request 200 `{"status":"ok"}`. */
export function startHttpsServer(certificate: SelfSignedCertificate): Promise<HttpsTestServer> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (_req, res) => {
    requests += 1;
    const body = '{"status":"ok"}';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  // A refused handshake is the expected outcome here, not an error of the test.
  server.on('tlsClientError', () => undefined);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `https://127.0.0.1:${port}`,
        port,
        get requests() {
          return requests;
        },
        close() {
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeAllConnections();
          for (const socket of sockets) socket.destroy();
          return closed;
        },
      });
    });
  });
}
