/** A histogram family's samples regrouped by series: its buckets, `_sum` and `_count`. */
import { labelValue, labelsWithout, seriesKey } from './labels';
import type { Labels, MetricFamily, Sample } from './model';
import { parseFloatToken } from './numbers';

/** One cumulative bucket: the number of observations less than or equal to `le`. */
export interface HistogramBucket {
  readonly le: number;
  readonly count: number;
}

/** One series of a classic histogram (all samples with the same labels apart from `le`). */
export interface HistogramSeries {
  /** Without `le`. */
  readonly labels: Labels;
  /** Sorted by `le`, as exposed (not corrected). */
  readonly buckets: readonly HistogramBucket[];
  readonly sum?: number;
  readonly count?: number;
}

/** A histogram series with the samples it was built from (for checks that report lines). */
export interface HistogramSeriesSamples {
  readonly labels: Labels;
  /** Sorted by `le`. */
  readonly buckets: ReadonlyArray<{ readonly le: number; readonly sample: Sample }>;
  readonly sum?: Sample;
  readonly count?: Sample;
  /** The line of the series' first sample. */
  readonly firstLine: number;
}

interface SeriesDraft {
  labels: Labels;
  buckets: Array<{ le: number; sample: Sample }>;
  sum?: Sample;
  count?: Sample;
  firstLine: number;
}

/**
 * The series of a histogram family, in the order they first appear. Bucket samples whose
 * `le` is not a number are left out (the parser rejects them).
 */
export function histogramSeriesSamples(family: MetricFamily): HistogramSeriesSamples[] {
  const bySeries = new Map<string, SeriesDraft>();
  const bucketName = `${family.name}_bucket`;
  for (const sample of family.samples) {
    const labels = labelsWithout(sample.labels, 'le');
    const key = seriesKey('', labels);
    let series = bySeries.get(key);
    if (series === undefined) {
      series = { labels, buckets: [], firstLine: sample.line };
      bySeries.set(key, series);
    }
    if (sample.name === bucketName) {
      const le = parseFloatToken(labelValue(sample.labels, 'le') ?? '');
      if (le !== undefined && !Number.isNaN(le)) series.buckets.push({ le, sample });
    } else if (sample.name === `${family.name}_sum`) {
      series.sum = sample;
    } else if (sample.name === `${family.name}_count`) {
      series.count = sample;
    }
  }
  const all = [...bySeries.values()];
  for (const series of all) series.buckets.sort((a, b) => (a.le < b.le ? -1 : a.le > b.le ? 1 : 0));
  return all;
}

/** The series of a histogram family with their numbers: buckets sorted by `le`, `_sum`, `_count`. */
export function histogramSeries(family: MetricFamily): HistogramSeries[] {
  return histogramSeriesSamples(family).map((series) => ({
    labels: series.labels,
    buckets: series.buckets.map(({ le, sample }) => ({ le, count: sample.value })),
    ...(series.sum === undefined ? {} : { sum: series.sum.value }),
    ...(series.count === undefined ? {} : { count: series.count.value }),
  }));
}
