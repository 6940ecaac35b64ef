import type { HealthCheckConfig } from '../../core/config';
import { findSecretReferences, replaceSecretReferences } from '../../core/config/secretReferences';
import type { ProbeResult } from '../../core/health';
import { classifyNodeError, effectiveTimeout, evaluateResponse } from '../../core/health';
import type { Clock, HealthProbePort } from '../../core/monitoring';
import type { HttpClient } from '../http';
import { HttpTimeoutError } from '../http';

/**
 * The health check of one URL through undici: the request with the check's timeout (at most
 * 80 % of the interval), then the verdict of the health model (status, keyword, JSON). Header
 * values may hold `${secret:NAME}` references, resolved from SecretStorage at each probe (a
 * secret changed by the operator applies at once); a missing secret fails the probe with a
 * message that says which one.
 */
export class HttpHealthProbe implements HealthProbePort {
  constructor(
    private readonly url: string,
    private readonly config: HealthCheckConfig,
    private readonly http: HttpClient,
    private readonly resolveSecret: (name: string) => Promise<string | undefined>,
    private readonly clock: Clock,
  ) {}

  async probe(signal: AbortSignal): Promise<ProbeResult> {
    const timeoutMs = effectiveTimeout(this.config);
    let headers: Record<string, string>;
    try {
      headers = await this.headers();
    } catch (error) {
      return { ok: false, at: this.clock.now(), kind: 'other', message: error instanceof Error ? error.message : String(error) };
    }
    try {
      const response = await this.http.probe(this.url, { timeoutMs, headers, signal });
      const at = this.clock.now();
      const verdict = evaluateResponse(this.config, { status: response.status, body: response.body, headers: response.headers });
      if (verdict.ok) return { ok: true, at, latencyMs: response.latencyMs, status: response.status };
      return { ok: false, at, latencyMs: response.latencyMs, status: response.status, kind: verdict.kind, message: verdict.reason };
    } catch (error) {
      // The HTTP layer's total deadline (connect + headers + body) carries code ETIMEDOUT, which
      // classifyNodeError reads as a connect timeout; a target that accepted and never answered
      // must not be reported as "timed out connecting".
      if (error instanceof HttpTimeoutError) {
        return { ok: false, at: this.clock.now(), kind: 'timeout', message: `timed out after ${formatMs(timeoutMs)} without a complete response` };
      }
      const classified = classifyNodeError(error, { url: this.url, timeoutMs });
      return { ok: false, at: this.clock.now(), kind: classified.kind, message: classified.message };
    }
  }

  private async headers(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.config.headers)) {
      const secrets = new Map<string, string>();
      for (const secret of findSecretReferences(value)) {
        const resolved = await this.resolveSecret(secret);
        if (resolved === undefined) throw new Error(`the secret ${secret} for header ${name} is not set: run a step that uses it, or store it with Deploy Pilot's variable prompt`);
        secrets.set(secret, resolved);
      }
      result[name] = replaceSecretReferences(value, (secret) => secrets.get(secret) ?? '');
    }
    return result;
  }
}

/** "4 s", "400 ms": as classifyNodeError writes limits. */
function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
