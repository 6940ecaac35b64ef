import type { SectionRole } from './model';

// "STEP 3", "Step 3:", "3.", and the same word in German, Spanish, French, Italian, Dutch, Japanese.
const STEP = /^(?:(?:step|schritt|paso|étape|etape|etapa|passo|stap)\s*#?\s*\d+(?![\p{L}\p{N}])|\d+[.)]\s|(?:手順|ステップ)\s*\d+)/iu;
const OPTION = /^option\s+[a-z0-9]\b/i;
const DURATION_SUFFIX =
  /\s*[(（]\s*~?\s*(\d+(?:\.\d+)?)\s*(minutes?|mins?|m|minuten|minutos|minuti|分|hours?|hrs?|h|stunden?|horas?|heures?|ore|時間)\s*[)）]\s*$/iu;

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
  const minutes = /^(?:h|stunde|ore$|時間)/.test(unit) ? amount * 60 : amount;
  return { label: label.slice(0, match.index), minutes };
}

/** A path segment for stable ids: lower-case words joined by dashes. */
export function slug(text: string): string {
  const ascii = asciiSlug(text);
  if (ascii !== undefined) return ascii.length > 0 ? ascii : 'untitled';
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s.length > 0 ? s : 'untitled';
}

/**
 * slug's transformation for an ASCII text, without normalizing (NFKD leaves ASCII as it is)
 * or regular expressions: letters and digits lower-cased, every other run one dash, none at
 * the ends. Undefined when the text is not all ASCII.
 */
function asciiSlug(text: string): string | undefined {
  let out = '';
  let runStart = -1;
  let dash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return undefined;
    const upper = c >= 0x41 && c <= 0x5a;
    if (upper || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (runStart < 0) {
        if (dash && out.length > 0) out += '-';
        dash = false;
        runStart = i;
      }
    } else {
      if (runStart >= 0) out += text.slice(runStart, i);
      runStart = -1;
      dash = true;
    }
  }
  if (runStart >= 0) out += text.slice(runStart);
  return out.toLowerCase();
}
