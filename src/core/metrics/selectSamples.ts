/** Finding samples by name across metric families, and reading gauges. */
import type { LabelMatcher } from './labels';
import { matchesLabels } from './labels';
import type { MetricFamily, Sample } from './model';

/** Metric families by name, as parseExposition returns them. */
export type Families = ReadonlyMap<string, MetricFamily>;

/**
 * The samples named `name` (a sample name such as `x_bucket`, or a family name), looked up
 * as the parser groups them: the family of that exact name, else the histogram or summary
 * family it is the `_bucket`, `_sum` or `_count` of. Undefined when no family holds that
 * name; an empty array when the family is there without samples (client libraries expose a
 * labelled counter's HELP and TYPE before its first series).
 */
export function samplesNamed(families: Families, name: string): readonly Sample[] | undefined {
  const exact = families.get(name);
  if (exact !== undefined) return exact.samples.filter((sample) => sample.name === name);
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!name.endsWith(suffix)) continue;
    const base = families.get(name.slice(0, -suffix.length));
    if (base?.type === 'histogram' || (base?.type === 'summary' && suffix !== '_bucket')) {
      return base.samples.filter((sample) => sample.name === name);
    }
  }
  return undefined;
}

/**
 * The value of the first sample named `name` whose labels satisfy `matcher` (any sample
 * without one), or undefined when there is none. The value is returned as exposed, NaN
 * included. For a gauge (or any single-valued sample) such as `process_resident_memory_bytes`.
 */
export function pickGaugeValue(families: Families, name: string, matcher?: LabelMatcher): number | undefined {
  return samplesNamed(families, name)?.find((sample) => matchesLabels(sample.labels, matcher))?.value;
}
