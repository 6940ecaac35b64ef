/** A path into the config: mapping keys and list indexes, as in `environments.staging.health`. */
export type KeyPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/** `environments.staging.health.timeout`, `alerts[2].name`, `headers["X Key"]`; '' for the root. */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * The key path of a JSON Pointer (as in ajv's `instancePath`), with list indexes as numbers
 * where `data` has a list at that point.
 */
export function keyPathFromPointer(pointer: string, data: unknown): KeyPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      current = (current as unknown[])[index];
    } else {
      path.push(segment);
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return path;
}

/** A plain mapping (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
