/**
 * Repairs "mojibake": UTF-8 text that was once decoded as Mac Roman and saved again as
 * UTF-8 (the seed runbook's `‚ö°` is `⚡`, `üìã` is `📋` whose lead byte, Mac Roman's
 * Apple logo, was lost on the way). Each suspicious character is mapped back to its Mac
 * Roman byte and the byte sequence is decoded as strict UTF-8; anything that does not
 * decode is left exactly as it was.
 */

// Mac Roman bytes 0x80..0xFF, in order.
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' +
  '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' +
  '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

const BYTE_OF = new Map<string, number>();
for (let i = 0; i < MAC_ROMAN_HIGH.length; i++) {
  BYTE_OF.set(MAC_ROMAN_HIGH.charAt(i), 0x80 + i);
}

const NON_ASCII = /[^\p{ASCII}]/u;

const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');
const charsOf = (from: number, to: number): string => MAC_ROMAN_HIGH.slice(from - 0x80, to - 0x80 + 1);
const CONT = `[${escapeClass(charsOf(0x80, 0xbf))}]`;
/**
 * A 3- or 4-byte UTF-8 sequence seen through Mac Roman (leads E2..EF and F0..F4), or an emoji
 * whose F0 lead was lost (9F + two continuation bytes): the evidence worth a closer look.
 */
const MULTI_BYTE_SEQUENCE = new RegExp(
  `[${escapeClass(charsOf(0xe0, 0xef))}]${CONT}{2}|[${escapeClass(charsOf(0xf0, 0xf4))}]${CONT}{3}|${escapeClass(charsOf(0x9f, 0x9f))}${CONT}{2}`,
  'gu',
);
/** Any character that could start a repairable sequence. */
const ANY_LEAD = new RegExp(`[${escapeClass(charsOf(0xc2, 0xf4))}${escapeClass(charsOf(0x9f, 0x9f))}]`, 'u');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const isContinuation = (b: number | undefined): b is number => b !== undefined && b >= 0x80 && b <= 0xbf;

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function decode(bytes: number[]): string | undefined {
  try {
    const text = strictUtf8.decode(Uint8Array.from(bytes));
    // A repair must give a real character, never a control character.
    return /\p{Cc}/u.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

export interface MojibakeRepair {
  readonly text: string;
  /** Repairs of 3- and 4-byte sequences: the strong evidence that the text is mojibake. */
  readonly multiByteRepairs: number;
  readonly repairs: number;
}

/** Repairs every decodable sequence in `input`. */
export function repairSequences(input: string): MojibakeRepair {
  const chars = Array.from(input);
  const bytes = chars.map((c) => BYTE_OF.get(c));
  let out = '';
  let repairs = 0;
  let multiByteRepairs = 0;
  let i = 0;
  while (i < chars.length) {
    const b = bytes[i];
    if (b !== undefined) {
      let seq: number[] | undefined;
      let consumed = 0;
      const len = sequenceLength(b);
      if (len > 0 && bytes.slice(i + 1, i + len).length === len - 1 && bytes.slice(i + 1, i + len).every(isContinuation)) {
        seq = bytes.slice(i, i + len) as number[];
        consumed = len;
      } else if (b === 0x9f && isContinuation(bytes[i + 1]) && isContinuation(bytes[i + 2])) {
        // An emoji (U+1Fxxx: F0 9F xx xx) whose F0 lead, Mac Roman's Apple logo, was dropped.
        seq = [0xf0, 0x9f, bytes[i + 1] as number, bytes[i + 2] as number];
        consumed = 3;
      }
      const decoded = seq ? decode(seq) : undefined;
      if (seq && decoded !== undefined) {
        out += decoded;
        repairs++;
        if (seq.length >= 3) multiByteRepairs++;
        i += consumed;
        continue;
      }
    }
    out += chars[i];
    i++;
  }
  return { text: out, repairs, multiByteRepairs };
}

/**
 * True when a document carries mojibake: at least one 3- or 4-byte sequence repairs. Two-byte
 * look-alikes on their own (a lone `¬±`) are too weak to rewrite a document's text.
 */
export function hasMojibake(documentText: string): boolean {
  // Fast path: every mojibake lead character is outside ASCII.
  if (!NON_ASCII.test(documentText)) return false;
  MULTI_BYTE_SEQUENCE.lastIndex = 0;
  for (const match of documentText.matchAll(MULTI_BYTE_SEQUENCE)) {
    if (repairSequences(match[0]).multiByteRepairs > 0) return true;
  }
  return false;
}

/** A text repairer for one document: repairs only when the document as a whole is mojibake. */
export function displayRepairer(documentIsMojibake: boolean): (text: string) => string {
  if (!documentIsMojibake) return (text) => text;
  return (text) => (ANY_LEAD.test(text) ? repairSequences(text).text : text);
}

const LEADING_DECORATION = /^(?:\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3|\s)+/u;
const TRAILING_DECORATION = /(?:\s|\uFE0F|\u200D)+$/u;

/** Removes leading emoji and decorations from a heading for use as a label. */
export function stripDecorations(text: string): string {
  const stripped = text.replace(LEADING_DECORATION, '').replace(TRAILING_DECORATION, '');
  return stripped.length > 0 ? stripped : text.trim();
}
