/**
 * A small HTTP service of our own for monitoring tests: plain `node:http`, no dependencies
 * (this folder is copied alone into a Docker image that only has `node`).
 *
 * Endpoints:
 * - `GET /health` → 200 `{"status":"ok","version":"…"}`
 * - `GET /metrics` → Prometheus text exposition 0.0.4 (see metrics.ts)
 * - `GET /api/work` → 200 `{"ok":true}`; recorded into the request counters and histogram
 * - `GET|POST /__fault` → the current fault / set one (JSON body `{"mode":…}`, see faults.ts)
 * - `POST /__traffic` → `{"perSecond":n}` sets the built-in load generator's rate
 * - `GET /__stats` → stats() as JSON
 * Requests to /health and /api/work are recorded into the metrics (not /metrics nor the `__` routes).
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { DEFAULT_DELAY_MS, DEFAULT_LEAK_BYTES_PER_SECOND, ErrorSchedule, parseFault } from './faults';
import type { Fault } from './faults';
import { LoadGenerator } from './loadGenerator';
import { MemoryLeak } from './memoryLeak';
import { EXPOSITION_CONTENT_TYPE, MALFORMED_LINES, ServiceMetrics } from './metrics';

export interface TestServiceOptions {
  /** 0 (default) picks a free ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. Inside a container use 0.0.0.0 and publish the port on 127.0.0.1 only. */
  host?: string;
  /** Reported by /health and `app_info{version}` (default 1.0.0). */
  version?: string;
  /** The fault to play from the start (default none). */
  fault?: Fault;
  /** Built-in load: requests per second to its own /api/work (default 0). */
  trafficPerSecond?: number;
  /** Safety cap on the `leak` fault (default 512 MiB). */
  maxLeakBytes?: number;
}

export interface LastRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestServiceStats {
  fault: Fault;
  version: string;
  /** Unix seconds of the (simulated) process start: changes on restart. */
  startTimeSeconds: number;
  /** Requests recorded into `http_requests_total` (/health and /api/work) since the last restart. */
  recordedRequests: number;
  /** Of those, the ones answered 5xx. */
  recordedErrors: number;
  /** Every request received on any route, restarts included. */
  receivedRequests: number;
  /** TCP connections open right now (the load generator's included). */
  openConnections: number;
  /** TCP connections accepted and later closed (by either side). */
  closedConnections: number;
  /** Requests held open by the `hang` fault right now. */
  hangingRequests: number;
  /** Bytes retained by the `leak` fault. */
  leakedBytes: number;
  /** Requests sent by the built-in load generator. */
  trafficSent: number;
  restarts: number;
  /** The last request to /health, /metrics or /api/work. */
  lastRequest: LastRequest | undefined;
}

export interface TestService {
  /** e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  setFault(fault: Fault): void;
  setTrafficPerSecond(perSecond: number): void;
  stats(): TestServiceStats;
  /** Simulates a process restart: counters, start time and leaked memory reset; the fault stays. */
  restart(): void;
  /** Stops timers and the load generator, destroys every socket (hanging ones too), closes the server. */
  close(): Promise<void>;
}

const RECORDED_ROUTES = new Set(['/health', '/api/work']);
const APP_ROUTES = new Set(['/health', '/metrics', '/api/work']);
const MAX_CONTROL_BODY = 64 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CONTROL_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        reject(new Error('the body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Starts the service and resolves once it listens. */
export function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const host = options.host ?? '127.0.0.1';
  const version = options.version ?? '1.0.0';
  const metrics = new ServiceMetrics(version);
  const leak = new MemoryLeak(options.maxLeakBytes ?? 512 * 1024 * 1024);
  const sockets = new Set<Socket>();
  const hanging = new Set<http.ServerResponse>();
  const delays = new Set<NodeJS.Timeout>();
  let fault: Fault = { mode: 'none' };
  let schedule = new ErrorSchedule(1);
  let received = 0;
  let closedConnections = 0;
  let restarts = 0;
  let lastRequest: LastRequest | undefined;
  let load: LoadGenerator | undefined;

  function restart(): void {
    metrics.reset();
    leak.release();
    schedule = new ErrorSchedule(fault.errorRatio ?? 1);
    restarts += 1;
  }

  function setFault(next: Fault): void {
    const valid = parseFault(next);
    if (valid.mode === 'restart') {
      restart();
      fault = { mode: 'none' };
    } else {
      fault = valid;
    }
    schedule = new ErrorSchedule(fault.errorRatio ?? 1);
    if (fault.mode === 'leak') leak.start(fault.leakBytesPerSecond ?? DEFAULT_LEAK_BYTES_PER_SECOND);
    else leak.stop();
  }

  function stats(): TestServiceStats {
    return {
      fault: { ...fault },
      version,
      startTimeSeconds: metrics.startTimeSeconds,
      recordedRequests: metrics.total(),
      recordedErrors: metrics.total(5),
      receivedRequests: received,
      openConnections: sockets.size,
      closedConnections,
      hangingRequests: hanging.size,
      leakedBytes: leak.retainedBytes,
      trafficSent: load?.requestsSent ?? 0,
      restarts,
      lastRequest,
    };
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      delays.add(timer);
    });
  }

  function serveApp(route: string, res: http.ServerResponse): void {
    if (route === '/metrics') {
      if (fault.mode === 'garbage') return sendText(res, 200, EXPOSITION_CONTENT_TYPE, randomBytes(512));
      const text = metrics.render(process.memoryUsage().rss);
      if (fault.mode === 'malformedMetrics') return sendText(res, 200, EXPOSITION_CONTENT_TYPE, `${MALFORMED_LINES.join('\n')}\n${text}`);
      return sendText(res, 200, EXPOSITION_CONTENT_TYPE, text);
    }
    if (fault.mode === 'error500' && schedule.next()) {
      return sendJson(res, 500, { status: 'error', error: 'injected fault error500' });
    }
    if (route === '/health') {
      if (fault.mode === 'garbage') return sendText(res, 200, 'text/html; charset=utf-8', '<!doctype html><title>502</title><p>upstream says hi');
      return sendJson(res, 200, { status: 'ok', version });
    }
    return sendJson(res, 200, { ok: true });
  }

  async function handleApp(route: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    lastRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' });
    const started = performance.now();
    if (RECORDED_ROUTES.has(route)) {
      res.on('finish', () => metrics.record('GET', route, res.statusCode, (performance.now() - started) / 1000));
    }
    if (fault.mode === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault.mode === 'slow') {
      await delay(fault.delayMs ?? DEFAULT_DELAY_MS);
      if (res.destroyed || res.writableEnded) return;
    }
    serveApp(route, res);
  }

  async function handleControl(route: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (route === '/__stats' && req.method === 'GET') return sendJson(res, 200, stats());
    if (route === '/__fault' && req.method === 'GET') return sendJson(res, 200, fault);
    if (route === '/__fault' && req.method === 'POST') {
      setFault(parseFault(await readJson(req)));
      return sendJson(res, 200, fault);
    }
    if (route === '/__traffic' && req.method === 'POST') {
      const body = await readJson(req);
      const perSecond = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).perSecond : undefined;
      if (typeof perSecond !== 'number' || !(perSecond >= 0)) throw new Error('perSecond must be a number ≥ 0');
      setTrafficPerSecond(perSecond);
      return sendJson(res, 200, { perSecond });
    }
    sendJson(res, 404, { error: `no route ${req.method ?? ''} ${route}` });
  }

  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    received += 1;
    const route = new URL(req.url ?? '/', 'http://service').pathname;
    const handler = APP_ROUTES.has(route) ? handleApp : handleControl;
    handler(route, req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
    });
  }

  const server = http.createServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      closedConnections += 1;
    });
  });

  let port = 0;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  /** Where the load generator sends its requests: loopback even when listening on every interface. */
  const selfHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : urlHost;

  function setTrafficPerSecond(perSecond: number): void {
    if (!load) load = new LoadGenerator(`http://${selfHost}:${port}/api/work`);
    load.setRate(perSecond);
  }

  const service: TestService = {
    get url() {
      return `http://${urlHost}:${port}`;
    },
    get port() {
      return port;
    },
    host,
    setFault,
    stats,
    restart,
    setTrafficPerSecond,
    async close() {
      load?.stop();
      leak.stop();
      leak.release();
      for (const timer of delays) clearTimeout(timer);
      delays.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      if (options.fault) setFault(options.fault);
      if (options.trafficPerSecond) setTrafficPerSecond(options.trafficPerSecond);
      resolve(service);
    });
  });
}
