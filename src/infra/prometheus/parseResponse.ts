import { PrometheusQueryError, PrometheusResponseError } from './errors';
import type { InstantSeries, Labels, QueryData, QueryResult, RangeSeries, SamplePoint } from './types';

const EXCERPT_CHARS = 200;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ShapeError extends Error {}

/** Prometheus writes sample values as strings (Go's FormatFloat): "1.5", "NaN", "+Inf", "-Inf". */
export function parseSampleValue(text: unknown): number {
  if (text === 'NaN') return NaN;
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (typeof text !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    throw new ShapeError(`sample value ${JSON.stringify(text)} is not a number`);
  }
  return Number(text);
}

function parsePoint(pair: unknown): SamplePoint {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number') {
    throw new ShapeError(`a sample must be [unixSeconds, "value"], got ${JSON.stringify(pair)}`);
  }
  return { timestamp: pair[0], value: parseSampleValue(pair[1]) };
}

function parseLabels(metric: unknown): Labels {
  if (!isObject(metric)) throw new ShapeError('a series has no "metric" object');
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(metric)) {
    if (typeof value !== 'string') throw new ShapeError(`label ${name} is not a string`);
    labels[name] = value;
  }
  return labels;
}

function rejectNativeHistogram(series: Json): void {
  if ('histogram' in series || 'histograms' in series) {
    throw new ShapeError('native histogram samples are not supported: query a float series (e.g. histogram_quantile or _count)');
  }
}

function parseVectorSeries(item: unknown): InstantSeries {
  if (!isObject(item)) throw new ShapeError('a vector element is not an object');
  if (!('value' in item)) rejectNativeHistogram(item);
  return { labels: parseLabels(item.metric), ...parsePoint(item.value) };
}

function parseMatrixSeries(item: unknown): RangeSeries {
  if (!isObject(item)) throw new ShapeError('a matrix series is not an object');
  if (!Array.isArray(item.values)) rejectNativeHistogram(item);
  if (!Array.isArray(item.values)) throw new ShapeError('a matrix series has no "values" array');
  return { labels: parseLabels(item.metric), points: item.values.map(parsePoint) };
}

function parseData(data: unknown): QueryData {
  if (!isObject(data)) throw new ShapeError('"data" is not an object');
  const { resultType, result } = data;
  switch (resultType) {
    case 'vector':
      if (!Array.isArray(result)) throw new ShapeError('a vector result is not an array');
      return { resultType, series: result.map(parseVectorSeries) };
    case 'matrix':
      if (!Array.isArray(result)) throw new ShapeError('a matrix result is not an array');
      return { resultType, series: result.map(parseMatrixSeries) };
    case 'scalar':
      return { resultType, point: parsePoint(result) };
    case 'string': {
      if (!Array.isArray(result) || typeof result[0] !== 'number' || typeof result[1] !== 'string') {
        throw new ShapeError('a string result must be [unixSeconds, "text"]');
      }
      return { resultType, timestamp: result[0], value: result[1] };
    }
    default:
      throw new ShapeError(`unknown resultType ${JSON.stringify(resultType)}`);
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
}

/**
 * Parses the API envelope `{status, data: {resultType, result}, errorType, error, warnings}`.
 * `status: "error"` → PrometheusQueryError; anything that is not such an envelope → PrometheusResponseError.
 */
export function parseQueryResponse(httpStatus: number, body: string): QueryResult {
  const excerpt = body.slice(0, EXCERPT_CHARS);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new PrometheusResponseError(`Prometheus answered HTTP ${httpStatus} with a body that is not JSON: ${JSON.stringify(excerpt)}`, httpStatus, excerpt);
  }
  if (!isObject(json) || (json.status !== 'success' && json.status !== 'error')) {
    throw new PrometheusResponseError(`HTTP ${httpStatus}: not a Prometheus API response: ${JSON.stringify(excerpt)}`, httpStatus, excerpt);
  }
  const warnings = stringList(json.warnings);
  if (json.status === 'error') {
    const errorType = typeof json.errorType === 'string' ? json.errorType : 'unknown';
    const detail = typeof json.error === 'string' ? json.error : 'no error message';
    throw new PrometheusQueryError(errorType, detail, httpStatus, warnings);
  }
  try {
    return { ...parseData(json.data), warnings };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new PrometheusResponseError(`malformed Prometheus response: ${error.message}`, httpStatus, excerpt);
  }
}
