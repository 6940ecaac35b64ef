/**
 * The "Expected Timeline" block of a guide: an indented (often box-drawn) tree of phases with
 * planned durations, e.g. `Merge to Master:  ~20 minutes` / `├─ Prepare branch:  2 min`.
 */

export interface TimelineEntry {
  readonly label: string;
  /** Planned minutes; for a range ("3-4 hours") the lower bound. */
  readonly minutes: number;
  /** Upper bound of a range, in minutes. */
  readonly maxMinutes?: number;
  /** 0-based line inside the block. */
  readonly line: number;
  readonly children: TimelineEntry[];
}

const ENTRY = /^(?<indent>[\s│├└─|`+\\-]*)(?<label>[^:]+?):\s*~?\s*(?<n>\d+(?:\.\d+)?)(?:\s*-\s*(?<m>\d+(?:\.\d+)?))?\s*(?<unit>minutes?|mins?|m|hours?|hrs?|h|seconds?|secs?|s)\b/i;

function toMinutes(value: number, unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('h')) return value * 60;
  if (u.startsWith('s')) return value / 60;
  return value;
}

/** Parses a timeline block; lines that are not entries are skipped. */
export function parseTimeline(text: string): TimelineEntry[] {
  const roots: TimelineEntry[] = [];
  const stack: Array<{ depth: number; entry: TimelineEntry }> = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    const match = ENTRY.exec(raw);
    const groups = match?.groups;
    if (!groups) return;
    const depth = (groups.indent ?? '').length;
    const unit = groups.unit ?? 'min';
    const max = groups.m !== undefined ? toMinutes(Number(groups.m), unit) : undefined;
    const entry: TimelineEntry = {
      label: (groups.label ?? '').trim(),
      minutes: toMinutes(Number(groups.n), unit),
      ...(max !== undefined ? { maxMinutes: max } : {}),
      line,
      children: [],
    };
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.entry.children : roots).push(entry);
    stack.push({ depth, entry });
  });
  return roots;
}
