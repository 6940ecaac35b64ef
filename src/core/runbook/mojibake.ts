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

const NON_ASCII = /[^\p{ASCII}]/u;
/** The first UTF-16 unit outside ASCII (the same place as NON_ASCII finds). */
const NON_ASCII_UNIT = /[\u0080-\uffff]/;

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

/** The Mac Roman byte of each UTF-16 code unit, 0 for none: every character of MAC_ROMAN_HIGH is in the BMP. */
const BYTE_OF_UNIT = new Uint8Array(0x10000);
for (let i = 0; i < MAC_ROMAN_HIGH.length; i++) BYTE_OF_UNIT[MAC_ROMAN_HIGH.charCodeAt(i)] = 0x80 + i;

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (b: number): boolean => b >= 0x80 && b <= 0xbf;

/**
 * What a strict UTF-8 decoder (WHATWG, fatal, BOM stripped) makes of a 2- to 4-byte sequence
 * whose lead is valid and whose other bytes are continuation bytes, or undefined when it
 * refuses it (overlong forms, surrogates, beyond U+10FFFF) or when it gives a control character.
 */
function decode(b0: number, b1: number, b2: number, b3: number, length: number): string | undefined {
  if (length === 2) {
    const cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
    // C1 controls (U+0080..U+009F) are never a repair.
    return cp <= 0x9f ? undefined : String.fromCharCode(cp);
  }
  if (length === 3) {
    if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return undefined;
    const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    // A byte order mark at the start of the decoded text is dropped.
    return cp === 0xfeff ? '' : String.fromCharCode(cp);
  }
  if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return undefined;
  return String.fromCodePoint(((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f));
}

export interface MojibakeRepair {
  readonly text: string;
  /** Repairs of 3- and 4-byte sequences: the strong evidence that the text is mojibake. */
  readonly multiByteRepairs: number;
  readonly repairs: number;
}

/** Repairs every decodable sequence in `input`. */
export function repairSequences(input: string): MojibakeRepair {
  return repair(input, true) as MojibakeRepair;
}

/**
 * The repair in one pass over UTF-16 code units: characters without a Mac Roman byte (surrogate
 * halves included) are never part of a sequence, so they are skipped and copied in runs. Returns
 * the repaired text alone (the input itself when nothing was repaired) unless `counts` is set.
 */
function repair(input: string, counts: boolean): MojibakeRepair | string {
  let out = '';
  let copied = 0;
  let repairs = 0;
  let multiByteRepairs = 0;
  const n = input.length;
  // Every Mac Roman character is outside ASCII: start at the first such character, if any.
  let i = input.search(NON_ASCII_UNIT);
  if (i < 0) return counts ? { text: input, repairs, multiByteRepairs } : input;
  while (i < n) {
    const b = BYTE_OF_UNIT[input.charCodeAt(i)] as number;
    if (b === 0) {
      i++;
      continue;
    }
    const len = sequenceLength(b);
    let decoded: string | undefined;
    let consumed = 0;
    if (len > 0) {
      if (i + len <= n) {
        const b1 = BYTE_OF_UNIT[input.charCodeAt(i + 1)] as number;
        const b2 = len > 2 ? (BYTE_OF_UNIT[input.charCodeAt(i + 2)] as number) : 0x80;
        const b3 = len > 3 ? (BYTE_OF_UNIT[input.charCodeAt(i + 3)] as number) : 0x80;
        if (isContinuation(b1) && isContinuation(b2) && isContinuation(b3)) {
          decoded = decode(b, b1, b2, b3, len);
          consumed = len;
        }
      }
    } else if (b === 0x9f && i + 2 < n) {
      // An emoji (U+1Fxxx: F0 9F xx xx) whose F0 lead, Mac Roman's Apple logo, was dropped.
      const b1 = BYTE_OF_UNIT[input.charCodeAt(i + 1)] as number;
      const b2 = BYTE_OF_UNIT[input.charCodeAt(i + 2)] as number;
      if (isContinuation(b1) && isContinuation(b2)) {
        decoded = decode(0xf0, 0x9f, b1, b2, 4);
        consumed = 3;
      }
    }
    if (decoded === undefined) {
      i++;
      continue;
    }
    out += input.slice(copied, i) + decoded;
    repairs++;
    if (len !== 2) multiByteRepairs++;
    i += consumed;
    copied = i;
  }
  const text = copied === 0 ? input : out + input.slice(copied);
  return counts ? { text, repairs, multiByteRepairs } : text;
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
  // Texts without a lead character come back as they are, after one scan.
  return (text) => repair(text, false) as string;
}

const LEADING_DECORATION = /^(?:\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3|\s)+/u;
const TRAILING_DECORATION = /(?:\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3|\s)+$/u;

/** Removes leading and trailing emoji and decorations from a heading for use as a label. */
export function stripDecorations(text: string): string {
  // Among ASCII characters only blanks are decorations: a text that starts and ends with
  // another ASCII character has none to strip.
  if (isAsciiNonBlank(text.charCodeAt(0)) && isAsciiNonBlank(text.charCodeAt(text.length - 1))) return text;
  const stripped = text.replace(LEADING_DECORATION, '').replace(TRAILING_DECORATION, '');
  return stripped.length > 0 ? stripped : text.trim();
}

function isAsciiNonBlank(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}
