import type { SectionRole } from './model';

const STEP = /^(?:step\s*#?\s*\d+\b|\d+[.)]\s)/i;
const OPTION = /^option\s+[a-z0-9]\b/i;
const DURATION_SUFFIX = /\s*\(\s*~?\s*(\d+(?:\.\d+)?)\s*(minutes?|mins?|m|hours?|hrs?|h)\s*\)\s*$/i;

/** What a heading introduces, from its readable label. */
export function headingRole(label: string): SectionRole {
  if (STEP.test(label)) return 'step';
  if (OPTION.test(label)) return 'option';
  return 'section';
}

/** Splits a trailing planned duration, "(5 minutes)" or "(1 hour)", off a heading label. */
export function splitPlannedDuration(label: string): { label: string; minutes?: number } {
  const match = DURATION_SUFFIX.exec(label);
  if (!match) return { label };
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const minutes = unit.startsWith('h') ? amount * 60 : amount;
  return { label: label.slice(0, match.index), minutes };
}

/** A path segment for stable ids: lower-case words joined by dashes. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s.length > 0 ? s : 'untitled';
}
