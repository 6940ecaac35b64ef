/**
 * Consistency checks of classic histograms, per series, after parsing: a `le="+Inf"` bucket
 * exists, it equals `_count`, and cumulative bucket counts never decrease as `le` grows
 * (the invariants Prometheus' client libraries guarantee and the exposition format states).
 */
import { describeSeries } from './labels';
import type { ExpositionErrorCode, MetricFamily } from './model';
import { formatSampleValue } from './numbers';
import { histogramSeriesSamples } from './histogramSeries';

export interface SeriesProblem {
  readonly code: ExpositionErrorCode;
  readonly line: number;
  readonly message: string;
}

/** The problems of every series of a histogram family (none for other types). */
export function checkHistogramFamily(family: MetricFamily): SeriesProblem[] {
  if (family.type !== 'histogram') return [];
  const problems: SeriesProblem[] = [];
  for (const series of histogramSeriesSamples(family)) {
    const name = describeSeries(family.name, series.labels);
    const inf = series.buckets.find((bucket) => bucket.le === Infinity);
    if (inf === undefined) {
      problems.push({ code: 'histogram-missing-inf', line: series.firstLine, message: `histogram ${name} has no bucket with le="+Inf"` });
    } else if (series.count !== undefined && !sameValue(inf.sample.value, series.count.value)) {
      problems.push({
        code: 'histogram-inf-count-mismatch',
        line: inf.sample.line,
        message:
          `histogram ${name}: the le="+Inf" bucket (${formatSampleValue(inf.sample.value)}) differs from ` +
          `${family.name}_count (${formatSampleValue(series.count.value)}, line ${series.count.line})`,
      });
    }
    for (let i = 1; i < series.buckets.length; i++) {
      const previous = series.buckets[i - 1];
      const current = series.buckets[i];
      if (previous === undefined || current === undefined || !(current.sample.value < previous.sample.value)) continue;
      problems.push({
        code: 'histogram-non-monotonic',
        line: current.sample.line,
        message:
          `histogram ${name}: bucket le="${formatSampleValue(current.le)}" (${formatSampleValue(current.sample.value)}) is less than ` +
          `bucket le="${formatSampleValue(previous.le)}" (${formatSampleValue(previous.sample.value)}); cumulative counts must not decrease`,
      });
      break;
    }
  }
  return problems;
}

/** Equal numbers, NaN equal to NaN. */
function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
