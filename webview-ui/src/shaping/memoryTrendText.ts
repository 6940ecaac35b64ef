/** The memory trend line under the memory chart: "+3.1 %/h, projected limit in 19 h". */
import type { MemoryTrendInfo } from '../../../src/shared/dashboardProtocol';
import { formatDuration } from './units';

/** One decimal, an explicit sign (a real minus sign for negatives): "+3.1", "−1.2", "0.0". */
export function signedPercent(percent: number): string {
  // Round the magnitude, so −1.25 and +1.25 both show 1.3 (Math.round rounds halves up).
  const rounded = (Math.sign(percent) * Math.round(Math.abs(percent) * 10)) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

/**
 * The text for one trend (src/core/trend `memoryTrend` verdicts):
 * growing → "+3.1 %/h, projected limit in 19 h" (or "…, at the limit now", or no projection
 * without a limit); shrinking → "−1.2 %/h"; flat → "flat (+0.2 %/h)"; insufficient →
 * "not enough data yet".
 */
export function memoryTrendText(trend: Pick<MemoryTrendInfo, 'verdict' | 'percentPerHour' | 'projectedLimitInSeconds'>): string {
  const rate = `${signedPercent(trend.percentPerHour)} %/h`;
  switch (trend.verdict) {
    case 'growing': {
      const p = trend.projectedLimitInSeconds;
      if (p === undefined || !Number.isFinite(p)) return rate;
      return p <= 0 ? `${rate}, at the limit now` : `${rate}, projected limit in ${formatDuration(p)}`;
    }
    case 'shrinking':
      return rate;
    case 'flat':
      return `flat (${rate})`;
    case 'insufficient':
      return 'not enough data yet';
  }
}
