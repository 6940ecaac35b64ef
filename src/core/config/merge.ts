import { isRecord } from './keyPath';
import type { RunbookConfigInput } from './types';

/**
 * Merges a runbook's two config texts: the sidecar `<name>.deploy-pilot.yaml` under the
 * front matter. Key by key the front matter wins; mappings (environments, an environment,
 * health, variables…) merge recursively, while lists (alerts, containers, acceptedStatus…)
 * and single values are taken whole from the front matter when it sets them. An empty value
 * (`key:` with nothing after it) does not override.
 *
 * Merge what was written (`RunbookConfigInput`), then `normalizeConfig` the result: merging
 * normalized configs would let the front matter's defaults override the sidecar's values.
 */
export function mergeConfigs(sidecar: RunbookConfigInput | undefined, frontMatter: RunbookConfigInput | undefined): RunbookConfigInput {
  const merged = mergeValues(sidecar, frontMatter);
  return isRecord(merged) ? merged : {};
}

/** `over` on top of `base`: mappings merge recursively, anything else in `over` replaces. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (over === undefined || over === null) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const keys = new Set([...Object.keys(base), ...Object.keys(over)]);
  // Object.fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return Object.fromEntries([...keys].map((key) => [key, mergeValues(ownValue(base, key), ownValue(over, key))]));
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
