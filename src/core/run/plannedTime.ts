import type { SectionNode, TimelineEntry } from '../runbook';

export interface PlannedTime {
  readonly minutes: number;
  readonly maxMinutes?: number;
  /** `heading`: the step's "(5 minutes)"; `timeline`: its entry in the "Expected Timeline" block. */
  readonly source: 'heading' | 'timeline';
  readonly timelineLabel?: string;
}

const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'the', 'to', 'of', 'for', 'in', 'on', 'with', 'step', 'phase']);

function words(label: string): Set<string> {
  const text = label.toLowerCase().replace(/^\s*(?:step|phase)\s*\d+[a-z]?\s*[:.)-]?/, '');
  return new Set(text.split(/[^a-z0-9]+/).filter((w) => w !== '' && !STOP_WORDS.has(w) && !/^\d+$/.test(w)));
}

function flatten(entries: readonly TimelineEntry[], out: TimelineEntry[] = []): TimelineEntry[] {
  for (const entry of entries) {
    out.push(entry);
    flatten(entry.children, out);
  }
  return out;
}

/**
 * A step's planned duration: its heading's, else the one timeline entry whose words all appear
 * in the step's label ("Create tag" for "STEP 5: Create Release Tag"). Ambiguous entries (two
 * "Deploy" phases) match nothing.
 */
export function plannedTimeOf(section: SectionNode, timeline: readonly TimelineEntry[] | undefined): PlannedTime | undefined {
  if (section.plannedMinutes !== undefined) return { minutes: section.plannedMinutes, source: 'heading' };
  if (!timeline) return undefined;
  const label = words(section.label);
  const matches = flatten(timeline).filter((entry) => {
    const entryWords = words(entry.label);
    return entryWords.size > 0 && [...entryWords].every((w) => label.has(w));
  });
  const [only, ...more] = matches;
  if (!only || more.length > 0) return undefined;
  return {
    minutes: only.minutes,
    ...(only.maxMinutes !== undefined ? { maxMinutes: only.maxMinutes } : {}),
    source: 'timeline',
    timelineLabel: only.label,
  };
}
