/**
 * Durations as people write them in runbook configs: "30s", "1m", "1h30m", "500ms",
 * "5 minutes", "90" or a plain number of seconds. The schema's `definitions.duration.pattern`
 * accepts exactly the strings this parser accepts (a unit test keeps the two in step).
 */

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  ms: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  week: 604_800,
  weeks: 604_800,
};

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const COMPONENT = /\s*(\d+(?:\.\d+)?)\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)(?![a-z])/y;

/**
 * Seconds in a duration, or undefined when it is not one. Numbers are seconds; strings are a
 * number of seconds or one or more number-unit parts ("1h30m", "1 hour 30 minutes"), with
 * units ms, s, m, h, d, w and their long forms, in lower case. Negative values are refused.
 */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  }
  const text = value.trim();
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (text === '') return undefined;
  let total = 0;
  COMPONENT.lastIndex = 0;
  while (COMPONENT.lastIndex < text.length) {
    const match = COMPONENT.exec(text);
    const amount = match?.[1];
    const unit = match?.[2];
    const factor = unit === undefined ? undefined : SECONDS_PER_UNIT[unit];
    if (amount === undefined || factor === undefined) return undefined;
    total += Number(amount) * factor;
  }
  return Math.round(total * 1000) / 1000;
}

/** A duration from config data of any type: numbers and duration strings, else undefined. */
export function durationFromValue(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'string' ? parseDuration(value) : undefined;
}

/** Seconds for a message: "48 s", "1 min", "1 h 30 min", "0.5 s". */
export function formatDuration(seconds: number): string {
  if (seconds >= 60 && Number.isInteger(seconds) && seconds % 60 === 0) {
    const hours = Math.floor(seconds / 3600);
    const minutes = (seconds % 3600) / 60;
    if (hours === 0) return `${minutes} min`;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  return `${Math.round(seconds * 1000) / 1000} s`;
}
