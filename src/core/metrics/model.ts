/**
 * The model of a parsed Prometheus text exposition (format 0.0.4): metric families, their
 * samples, and the problems found while parsing.
 */

/** The metric types a `# TYPE` line may name (Prometheus text format 0.0.4). */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

/** Every MetricType, in the order the format's documentation lists them. */
export const METRIC_TYPES: readonly MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];

/**
 * A sample's labels, in the order they were written. Read them with labelValue(): a label may
 * be named `constructor` or `__proto__`, and plain indexing would also see Object.prototype.
 */
export type Labels = Readonly<Record<string, string>>;

/** One sample line: `name{labels} value [timestamp]`. */
export interface Sample {
  /**
   * The name as written: the family's name, or for a histogram `<family>_bucket`, `_sum` and
   * `_count`, for a summary `<family>_sum` and `_count` (its quantiles carry the family's name).
   */
  readonly name: string;
  /** Including `le` (histogram buckets) and `quantile` (summary quantiles), as written. */
  readonly labels: Labels;
  /** May be NaN, +Infinity or -Infinity (`NaN`, `+Inf`, `-Inf` in the text). */
  readonly value: number;
  /** The optional int64 timestamp, in milliseconds since the Unix epoch. */
  readonly timestampMs?: number;
  /** 1-based line of the sample in the text. */
  readonly line: number;
}

/**
 * The samples of one metric, grouped as Prometheus' expfmt groups them: a histogram's
 * `_bucket`, `_sum` and `_count` and a summary's `_sum` and `_count` samples belong to the
 * family named by the `# TYPE` line; without such a line every sample name is its own family.
 */
export interface MetricFamily {
  readonly name: string;
  /** From the `# TYPE` line; `untyped` without one. */
  readonly type: MetricType;
  /** From the `# HELP` line, unescaped. */
  readonly help?: string;
  /** In the order of the text. */
  readonly samples: readonly Sample[];
}

/**
 * What kind of problem an ExpositionError reports:
 * - `syntax`: the line does not follow the format and was skipped;
 * - `metadata`: a `# HELP` or `# TYPE` line that is repeated, late or names an unknown type (ignored);
 * - `structure`: a sample that does not fit its family's type (a bucket without `le`…), skipped;
 * - `duplicate-sample`: a second sample with the same name and labels (the first is kept);
 * - `histogram-missing-inf`: a histogram series without a `le="+Inf"` bucket;
 * - `histogram-inf-count-mismatch`: the `+Inf` bucket differs from the series' `_count`;
 * - `histogram-non-monotonic`: a cumulative bucket count that decreases as `le` grows;
 * - `limit`: the input is larger than the parser's limits allow; the excess was not parsed.
 * The histogram problems keep the samples: histogramQuantile copes with them as Prometheus does.
 */
export type ExpositionErrorCode =
  | 'syntax'
  | 'metadata'
  | 'structure'
  | 'duplicate-sample'
  | 'histogram-missing-inf'
  | 'histogram-inf-count-mismatch'
  | 'histogram-non-monotonic'
  | 'limit';

export interface ExpositionError {
  readonly code: ExpositionErrorCode;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (UTF-16 code units) where the problem starts; 1 for problems of a whole series. */
  readonly column: number;
  /** Prefixed with the line: "line 12: expected '=' after label name 'code'". */
  readonly message: string;
}

export interface ExpositionResult {
  /** By family name, in the order the families first appear in the text. */
  readonly families: Map<string, MetricFamily>;
  /** In the order of the lines they concern (series checks follow the line errors). */
  readonly errors: ExpositionError[];
}

/** Guards against huge or hostile input. Each limit is reported as a `limit` error when hit. */
export interface ExpositionLimits {
  /** Characters parsed at most; the text is cut at the last line break before. Default 16 Mi. */
  readonly maxChars?: number;
  /** Lines parsed at most; the rest is ignored. Default 200,000. */
  readonly maxLines?: number;
  /** Longer lines are skipped. Default 64 Ki characters. */
  readonly maxLineLength?: number;
  /** Samples with more labels are skipped. Default 128. */
  readonly maxLabels?: number;
}

export const DEFAULT_EXPOSITION_LIMITS: Required<ExpositionLimits> = {
  maxChars: 16 * 1024 * 1024,
  maxLines: 200_000,
  maxLineLength: 64 * 1024,
  maxLabels: 128,
};
