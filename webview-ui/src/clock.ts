/** Local wall-clock formatting for labels, with shared Intl formatters (toLocaleTimeString is slow). */

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const CLOCK_MINUTES = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** Local wall-clock time of Unix seconds: "14:32:05". */
export function clockTime(seconds: number): string {
  return CLOCK.format(seconds * 1000);
}

/** "14:32", or "Jun 3" at local midnight: time-axis labels. */
export function axisTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return d.getHours() === 0 && d.getMinutes() === 0 ? DAY.format(d) : CLOCK_MINUTES.format(d);
}
