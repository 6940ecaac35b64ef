/**
 * Automatic rollback for one environment: a pure state machine with an injected clock and no
 * timers; the host calls `tick(now)` (e.g. every second) and acts on what comes back.
 *
 *   idle ──trigger alert fires──▶ countdown ──Cancel / alert resolved──▶ idle
 *                                    │ countdown elapsed (tick)
 *                                    ▼
 *                               rollingBack ──rollbackFinished──▶ idle
 *
 * Analysis verdicts follow Argo Rollouts: failed or error → roll back; inconclusive → pause for
 * the operator; successful → nothing. Guardrails: one rollback at a time; a cancelled firing
 * episode does not trigger again; a trigger when the environment already runs the version it
 * was rolled back to is a no-op that says so.
 */
import type { AutoRollbackConfig } from '../config/types';
import type { AnalysisVerdict } from '../alerts/evaluate/analysisVerdict';

/** Default countdown before an automatic rollback, in seconds. */
export const DEFAULT_COUNTDOWN_SECONDS = 60;

export type AutoRollbackPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'countdown'; readonly trigger: string; readonly episode: string; readonly firedAt: number; readonly endsAt: number }
  | { readonly kind: 'rollingBack'; readonly trigger: string; readonly startedAt: number };

export type AutoRollbackDecision =
  | { readonly kind: 'countdown'; readonly trigger: string; readonly endsAt: number }
  | { readonly kind: 'rollBackNow'; readonly trigger: string }
  | { readonly kind: 'cancelled'; readonly reason: string }
  | { readonly kind: 'pause'; readonly reason: string }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'none' };

/** What Argo Rollouts does with an analysis verdict. */
export function verdictAction(verdict: AnalysisVerdict): 'rollBack' | 'pause' | 'none' {
  if (verdict === 'failed' || verdict === 'error') return 'rollBack';
  return verdict === 'inconclusive' ? 'pause' : 'none';
}

/** `14:03` in local time. */
function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export class AutoRollbackController {
  private phaseValue: AutoRollbackPhase = { kind: 'idle' };
  private readonly cancelledEpisodes = new Set<string>();
  private currentVersion: string | undefined;
  private rolledBack: { readonly version: string; readonly at: number } | undefined;

  /**
   * @param environment its name, for messages.
   * @param config `autoRollback` of the environment (off unless `enabled`).
   * @param formatTime how a rollback time reads in messages; local `HH:MM` by default.
   */
  constructor(
    private readonly environment: string,
    private readonly config: AutoRollbackConfig,
    private readonly formatTime: (at: number) => string = clockTime,
  ) {}

  get phase(): AutoRollbackPhase {
    return this.phaseValue;
  }

  /**
   * A (non-rollback) command ran at `at`: after the last rollback it may have deployed something,
   * so the environment no longer counts as running the rolled-back version.
   */
  commandRanAt(at: number): void {
    if (this.rolledBack && at > this.rolledBack.at && this.currentVersion === this.rolledBack.version) this.currentVersion = undefined;
  }

  /** A deploy put `version` in place: a later trigger may roll it back again. */
  deployed(version: string): void {
    this.currentVersion = version;
  }

  /**
   * An alert of this environment fires. `firedAt` identifies the firing episode (Prometheus'
   * `activeAt`): after a Cancel, the same episode never triggers again; a new one does.
   */
  alertFiring(alert: string, firedAt: number, now: number): AutoRollbackDecision {
    if (!this.config.alerts.includes(alert)) return { kind: 'ignored', reason: `${alert} does not trigger an automatic rollback of ${this.environment}.` };
    return this.trigger(alert, `${alert}@${firedAt}`, firedAt, now);
  }

  /** An alert stopped firing: a countdown it started ends without rolling back. */
  alertResolved(alert: string): AutoRollbackDecision {
    const phase = this.phaseValue;
    if (phase.kind !== 'countdown' || phase.trigger !== alert) return { kind: 'none' };
    this.phaseValue = { kind: 'idle' };
    return { kind: 'cancelled', reason: `${alert} resolved before the countdown ended: no rollback of ${this.environment}.` };
  }

  /** An analysis verdict (Argo Rollouts): failed or error → countdown to a rollback; inconclusive → pause. */
  analysisVerdict(verdict: AnalysisVerdict, analysis: string, now: number): AutoRollbackDecision {
    const action = verdictAction(verdict);
    if (action === 'pause') return { kind: 'pause', reason: `Analysis ${analysis} is inconclusive: paused for the operator to decide on ${this.environment}.` };
    if (action === 'none') return { kind: 'none' };
    return this.trigger(`analysis ${analysis} (${verdict})`, `analysis:${analysis}@${now}`, now, now);
  }

  /** The operator pressed Cancel: back to idle; this firing episode will not trigger again. */
  cancel(): AutoRollbackDecision {
    const phase = this.phaseValue;
    if (phase.kind !== 'countdown') return { kind: 'ignored', reason: `No automatic rollback of ${this.environment} is counting down.` };
    this.cancelledEpisodes.add(phase.episode);
    this.phaseValue = { kind: 'idle' };
    return { kind: 'cancelled', reason: `Automatic rollback of ${this.environment} cancelled; ${phase.trigger} will not trigger it again until it fires anew.` };
  }

  /** Time passes: when the countdown has elapsed, the rollback starts now. */
  tick(now: number): AutoRollbackDecision {
    const phase = this.phaseValue;
    if (phase.kind !== 'countdown' || now < phase.endsAt) return { kind: 'none' };
    this.phaseValue = { kind: 'rollingBack', trigger: phase.trigger, startedAt: now };
    return { kind: 'rollBackNow', trigger: phase.trigger };
  }

  /** Any rollback of this environment (manual ones too) starts: no second one meanwhile. */
  rollbackStarted(trigger: string, now: number): AutoRollbackDecision {
    if (this.phaseValue.kind === 'rollingBack') return { kind: 'ignored', reason: `A rollback of ${this.environment} is already running.` };
    this.phaseValue = { kind: 'rollingBack', trigger, startedAt: now };
    return { kind: 'none' };
  }

  /** The rollback ended; when it succeeded the environment now runs `version`. */
  rollbackFinished(result: { readonly ok: boolean; readonly version: string; readonly at: number }): void {
    this.phaseValue = { kind: 'idle' };
    if (!result.ok) return;
    this.currentVersion = result.version;
    this.rolledBack = { version: result.version, at: result.at };
  }

  private trigger(trigger: string, episode: string, firedAt: number, now: number): AutoRollbackDecision {
    const phase = this.phaseValue;
    if (!this.config.enabled) return { kind: 'ignored', reason: `Automatic rollback is off for ${this.environment}.` };
    if (phase.kind === 'rollingBack') return { kind: 'ignored', reason: `A rollback of ${this.environment} is already running (started by ${phase.trigger}).` };
    if (phase.kind === 'countdown') return { kind: 'ignored', reason: `A rollback of ${this.environment} is already counting down (started by ${phase.trigger}).` };
    if (this.cancelledEpisodes.has(episode)) return { kind: 'ignored', reason: `The automatic rollback for this firing of ${trigger} was cancelled.` };
    const back = this.rolledBack;
    if (back && this.currentVersion === back.version) {
      return { kind: 'ignored', reason: `${this.environment} already runs ${back.version} (rolled back at ${this.formatTime(back.at)}).` };
    }
    const seconds = Number.isFinite(this.config.countdownSeconds) && this.config.countdownSeconds >= 0 ? this.config.countdownSeconds : DEFAULT_COUNTDOWN_SECONDS;
    const endsAt = now + seconds * 1000;
    this.phaseValue = { kind: 'countdown', trigger, episode, firedAt, endsAt };
    return { kind: 'countdown', trigger, endsAt };
  }
}
