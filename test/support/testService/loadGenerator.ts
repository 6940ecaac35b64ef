/**
 * The built-in load generator (`trafficPerSecond`): real HTTP requests from the service to its
 * own `GET /api/work` over loopback, so /metrics counters move without an external client.
 */
import * as http from 'node:http';

const TICK_MS = 100;
/** Requests still waiting (e.g. under the `hang` fault) beyond which ticks send nothing. */
const MAX_IN_FLIGHT = 32;
const REQUEST_TIMEOUT_MS = 15_000;

export class LoadGenerator {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  private readonly inFlight = new Set<http.ClientRequest>();
  private timer: NodeJS.Timeout | undefined;
  private credit = 0;
  private sent = 0;

  constructor(private readonly targetUrl: string) {}

  /** Requests sent so far. */
  get requestsSent(): number {
    return this.sent;
  }

  /** Sets the rate; 0 stops. */
  setRate(perSecond: number): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.credit = 0;
    if (!(perSecond > 0)) return;
    this.timer = setInterval(() => this.tick(perSecond), TICK_MS);
    this.timer.unref();
  }

  private tick(perSecond: number): void {
    this.credit += (perSecond * TICK_MS) / 1000;
    while (this.credit >= 1) {
      this.credit -= 1;
      if (this.inFlight.size >= MAX_IN_FLIGHT) continue;
      this.send();
    }
  }

  private send(): void {
    const req = http.get(this.targetUrl, { agent: this.agent }, (res) => res.resume());
    this.sent += 1;
    this.inFlight.add(req);
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy());
    req.on('error', () => undefined);
    req.on('close', () => this.inFlight.delete(req));
  }

  /** Stops sending and drops every connection it holds. */
  stop(): void {
    this.setRate(0);
    for (const req of this.inFlight) req.destroy();
    this.inFlight.clear();
    this.agent.destroy();
  }
}
