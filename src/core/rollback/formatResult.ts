/** The result of a rollback as the operator reads it, with next steps. */
import type { VerificationState } from './verification';

export type RollbackResult =
  | {
      readonly outcome: 'healthy';
      readonly environment: string;
      readonly from: string;
      readonly to: string;
      readonly healthyChecks: number;
      readonly timeToHealthyMs: number;
      /** From the alert firing to healthy, for an automatic rollback. */
      readonly timeFromAlertMs?: number;
    }
  | {
      readonly outcome: 'unhealthy';
      readonly environment: string;
      readonly from: string;
      readonly to: string;
      readonly timeoutSeconds: number;
      readonly missing: readonly string[];
    }
  | {
      /** The commands succeeded but nothing could verify it: no health check, alert or container to watch. */
      readonly outcome: 'unverified';
      readonly environment: string;
      readonly from: string;
      readonly to: string;
      readonly reason: string;
    }
  | {
      readonly outcome: 'failed';
      readonly environment: string;
      readonly from: string;
      readonly to: string;
      /** 1-based. */
      readonly commandIndex: number;
      readonly commandText: string;
      readonly exitCode?: number;
      /** Why it failed when there is no exit code (`interrupted`, `unknown`). */
      readonly status?: string;
    };

export interface FormattedRollbackResult {
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly nextSteps: readonly string[];
}

/** `4.2 s`, `850 ms`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toString()} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/** The first line of a command, cut to 60 characters, for a message. */
function shortCommand(text: string): string {
  const line = (text.split('\n')[0] ?? '').replace(/\s*\\$/, '').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/**
 * "Rolled back staging from v2.0.0 to v1.0.0 and it is healthy (3 healthy checks in 4.2 s)",
 * "Rolled back … but it is not healthy after 120 s: …", "Rollback failed at command 2 (`…`, exit 1)".
 */
export function formatRollbackResult(result: RollbackResult): FormattedRollbackResult {
  const what = `${result.environment} from ${result.from} to ${result.to}`;
  switch (result.outcome) {
    case 'healthy': {
      const alert = result.timeFromAlertMs === undefined ? '' : `; ${formatDuration(result.timeFromAlertMs)} from the alert firing`;
      return {
        severity: 'info',
        message: `Rolled back ${what} and it is healthy (${result.healthyChecks} healthy checks in ${formatDuration(result.timeToHealthyMs)}${alert})`,
        nextSteps: [`Find out why ${result.from} failed before deploying it again.`, 'Keep monitoring open for the success window.'],
      };
    }
    case 'unhealthy':
      return {
        severity: 'warning',
        message: `Rolled back ${what} but it is not healthy after ${result.timeoutSeconds} s: ${result.missing.join('; ')}`,
        nextSteps: ['Look at the health endpoint, the firing alerts and the container logs.', `Check that ${result.to} itself was healthy before; roll back further if it was not.`, 'Verify again when the cause is fixed.'],
      };
    case 'unverified':
      return {
        severity: 'warning',
        message: `Rolled back ${what}, not verified: ${result.reason}`,
        nextSteps: [`Check ${result.environment} by hand (health endpoint, logs).`, 'Add healthUrl, alert rules or containers to the environment so the next rollback is verified.'],
      };
    case 'failed': {
      const how = result.exitCode !== undefined ? `exit ${result.exitCode}` : (result.status ?? 'no exit code');
      return {
        severity: 'error',
        message: `Rollback of ${what} failed at command ${result.commandIndex} (\`${shortCommand(result.commandText)}\`, ${how})`,
        nextSteps: [`Read command ${result.commandIndex}'s output in the terminal.`, `Fix the cause and retry from command ${result.commandIndex}, or run the remaining commands by hand.`, `${result.environment} may be down or half rolled back: check what runs now.`],
      };
    }
  }
}

/** The result of a verification that ended; undefined while it is still verifying. */
export function resultFromVerification(state: VerificationState, run: { readonly environment: string; readonly from: string }): RollbackResult | undefined {
  const base = { environment: run.environment, from: run.from, to: state.target };
  if (state.outcome === 'healthy') {
    return { outcome: 'healthy', ...base, healthyChecks: state.consecutiveHealthy, timeToHealthyMs: state.timeToHealthyMs ?? 0, ...(state.timeFromAlertMs !== undefined ? { timeFromAlertMs: state.timeFromAlertMs } : {}) };
  }
  if (state.outcome === 'unhealthy') return { outcome: 'unhealthy', ...base, timeoutSeconds: state.config.timeoutSeconds, missing: state.missing ?? [] };
  return undefined;
}
