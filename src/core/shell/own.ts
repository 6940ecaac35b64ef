/** `record[key]` for keys that come from user text: never an inherited `constructor` or `toString`. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
