/** `record[key]` when the record has it as its own property: `constructor` or `__proto__` never resolve. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
