import type { StatusRange } from './types';

const STATUS_TEXT = /^\s*([1-5]\d\d)\s*(?:-\s*([1-5]\d\d)\s*)?$/;

/** `200` → 200–200, `"200"` → 200–200, `"200-299"` → 200–299 (as written, even if reversed); else undefined. */
export function parseStatusRange(value: unknown): StatusRange | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 100 && value <= 599 ? { min: value, max: value } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const match = STATUS_TEXT.exec(value);
  if (!match?.[1]) return undefined;
  const min = Number(match[1]);
  return { min, max: match[2] === undefined ? min : Number(match[2]) };
}

/** Whether an HTTP status is accepted by any of the ranges. */
export function isAcceptedStatus(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some((range) => status >= range.min && status <= range.max);
}
