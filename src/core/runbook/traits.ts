/** What a heading says about its section, beyond step/option: rollback, option group, windows. */

export interface SectionTraits {
  /** A rollback procedure: rollback / roll back / revert / undo in the heading. */
  readonly rollback?: true;
  /** The operator picks one of the options inside ("Choose one", "Options"). */
  readonly optionGroup?: true;
  /** A success-criteria window ("First Hour", "First 5 minutes"): its length in seconds. */
  readonly windowSeconds?: number;
  /** A checklist to sign off before starting ("Sign-Off Checklist", "Pre-flight checklist"). */
  readonly signOff?: true;
}

// English, plus the common words of German, Spanish, French and Japanese guides.
const ROLLBACK = /\b(?:roll(?:ing)?\s*-?\s*back|rollbacks?|revert(?:ing)?|undo|zurückrollen|rückgängig|revertir|reversión|retour\s+arrière)\b|ロールバック|切り戻し/iu;
const CHOOSE = /\b(?:choose|pick|select)\s+(?:one|an?\s+option)\b|\boptions\b/i;
const SIGN_OFF = /\bsign[\s-]*off\b|\b(?:pre[\s-]*flight|pre[\s-]*deployment|go[\s/-]*no[\s-]*go)\s+check\s*list\b/i;
const WINDOW = /\bfirst\s+(?:(\d+)\s+)?(minute|min|hour|hr|day|week|month)s?\b/i;

const UNIT_SECONDS: Record<string, number> = {
  minute: 60,
  min: 60,
  hour: 3600,
  hr: 3600,
  day: 86400,
  week: 7 * 86400,
  month: 30 * 86400,
};

export function successWindowSeconds(label: string): number | undefined {
  const match = WINDOW.exec(label);
  if (!match) return undefined;
  const unit = UNIT_SECONDS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return undefined;
  return Number(match[1] ?? '1') * unit;
}

export function headingTraits(label: string): SectionTraits {
  const windowSeconds = successWindowSeconds(label);
  // Keys in this order: rollback, optionGroup, windowSeconds, signOff.
  const traits: { rollback?: true; optionGroup?: true; windowSeconds?: number; signOff?: true } = {};
  if (ROLLBACK.test(label)) traits.rollback = true;
  if (CHOOSE.test(label)) traits.optionGroup = true;
  if (windowSeconds !== undefined) traits.windowSeconds = windowSeconds;
  if (SIGN_OFF.test(label)) traits.signOff = true;
  return traits;
}
