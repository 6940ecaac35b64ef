/** Results of the Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`), values as numbers. */

export type Labels = Readonly<Record<string, string>>;

export interface SamplePoint {
  /** Unix seconds (Prometheus's own unit, fractional). */
  timestamp: number;
  /** Parsed from Prometheus's string form: "NaN", "+Inf" and "-Inf" included. */
  value: number;
}

/** One element of an instant vector. */
export interface InstantSeries extends SamplePoint {
  /** The series labels, `__name__` included when the result keeps it. */
  labels: Labels;
}

/** One series of a range result. */
export interface RangeSeries {
  labels: Labels;
  points: SamplePoint[];
}

export type QueryData =
  | { resultType: 'vector'; series: InstantSeries[] }
  | { resultType: 'matrix'; series: RangeSeries[] }
  | { resultType: 'scalar'; point: SamplePoint }
  | { resultType: 'string'; timestamp: number; value: string };

export type QueryResult = QueryData & {
  /** Prometheus's warnings (e.g. a PromQL lint), passed on. */
  warnings: string[];
};

export type MatrixResult = Extract<QueryData, { resultType: 'matrix' }> & { warnings: string[] };

/** A Unix time in seconds, or a Date. */
export type TimeInput = number | Date;
