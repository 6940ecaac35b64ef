import { UnexpectedResultError } from './errors';
import type { QueryResult } from './types';

/**
 * The one number an alert-style query yields, or `undefined` for **no data**: an empty vector
 * (the series do not exist) or NaN (e.g. 0/0 when there was no traffic). Both are no data, not
 * zero, as in Prometheus alerting, where neither makes a comparison true.
 * Several series, a matrix or a string throw UnexpectedResultError: aggregate in the query (sum, max…).
 */
export function singleValue(result: QueryResult): number | undefined {
  let value: number;
  switch (result.resultType) {
    case 'scalar':
      value = result.point.value;
      break;
    case 'vector': {
      if (result.series.length > 1) {
        throw new UnexpectedResultError(`the query returned ${result.series.length} series where one number was expected: aggregate it (sum, max, …)`);
      }
      const only = result.series[0];
      if (only === undefined) return undefined;
      value = only.value;
      break;
    }
    default:
      throw new UnexpectedResultError(`the query returned a ${result.resultType} where one number was expected`);
  }
  return Number.isNaN(value) ? undefined : value;
}

/** True for an empty vector or matrix: the query matched no series at all (no data, not zero). */
export function isEmptyResult(result: QueryResult): boolean {
  return (result.resultType === 'vector' || result.resultType === 'matrix') && result.series.length === 0;
}
