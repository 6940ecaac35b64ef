/** Prometheus HTTP API client (undici via src/infra/http, no VS Code): instant and range queries. */
export { PrometheusClient } from './prometheusClient';
export type { PrometheusClientOptions, QueryOptions, RangeQueryOptions } from './prometheusClient';
export { parseQueryResponse, parseSampleValue } from './parseResponse';
export { checkQueryRange, MAX_RANGE_POINTS } from './queryRangeLimits';
export { isEmptyResult, singleValue } from './singleValue';
export { PrometheusQueryError, PrometheusResponseError, QueryRangeError, UnexpectedResultError } from './errors';
export type { QueryRangeProblem } from './errors';
export type { InstantSeries, Labels, MatrixResult, QueryData, QueryResult, RangeSeries, SamplePoint, TimeInput } from './types';
