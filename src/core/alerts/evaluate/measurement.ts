/** One evaluation's input: a value, or the explicit absence of one. */

/**
 * A measured value in the rule's canonical unit (see `holds`), or no data: an empty query
 * result, 0/0, a scrape that failed, a container that is gone. No data is NOT zero: an error
 * rate of 0 holds `error_rate < 0.5%`, no data neither holds nor fails. A `{ value: NaN }` is
 * read as no data too (NaN comes from 0/0).
 */
export type Measurement = { readonly value: number } | { readonly noData: true; readonly reason?: string };

/** The value of a measurement, or undefined when it has no data (including NaN). */
export function measuredValue(measurement: Measurement): number | undefined {
  if (!('value' in measurement)) return undefined;
  return Number.isNaN(measurement.value) ? undefined : measurement.value;
}

/** Why a measurement has no data, if it says so (NaN says "0/0"). */
export function noDataReason(measurement: Measurement): string | undefined {
  if ('noData' in measurement) return measurement.reason;
  return Number.isNaN(measurement.value) ? '0/0' : undefined;
}
