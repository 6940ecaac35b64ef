/**
 * Prometheus metrics: the text exposition format (parse and render), counter and histogram
 * arithmetic as PromQL does it, and what the monitor derives from two scrapes.
 */
export * from './model';
export { parseExposition } from './parseExposition';
export { renderExposition } from './renderExposition';
export { formatSampleValue, parseFloatToken } from './numbers';
export { describeSeries, labelValue, matchesLabels, seriesKey } from './labels';
export type { LabelMatcher } from './labels';
export { histogramSeries } from './histogramSeries';
export type { HistogramBucket, HistogramSeries } from './histogramSeries';
export { pickGaugeValue, samplesNamed } from './selectSamples';
export type { Families } from './selectSamples';
export { counterIncrease, counterRate } from './counterMath';
export type { CounterPoint } from './counterMath';
export { histogramQuantile } from './histogramQuantile';
export type { QuantileBucket } from './histogramQuantile';
export {
  DEFAULT_LATENCY_HISTOGRAMS,
  DEFAULT_MEMORY_GAUGE,
  DEFAULT_REQUEST_COUNTERS,
  DEFAULT_START_TIME_GAUGE,
  DEFAULT_STATUS_LABELS,
  deriveHttpMetrics,
  isErrorStatus,
} from './deriveHttpMetrics';
export type { DeriveOptions, DerivedMetrics, ScrapeSnapshot } from './deriveHttpMetrics';
