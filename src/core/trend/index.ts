export { DEFAULT_MAX_PAIRS, predict, theilSen } from './theilSen';
export type { LineFit, TheilSenOptions } from './theilSen';
export { averageRanks, pearson, rSquared, spearman } from './correlation';
export { DEFAULT_DROP_FRACTION, splitAtRestarts } from './segments';
export type { SplitOptions } from './segments';
export { MEMORY_TREND_DEFAULTS, MIB, MS_PER_HOUR, memoryTrend } from './memoryTrend';
export type { MemoryTrend, MemoryTrendOptions, TrendVerdict } from './memoryTrend';
export { memoryGrowthPercent, stabilityBand } from './memoryGrowth';
export type { MemoryGrowth, StabilityBand } from './memoryGrowth';
