/**
 * Finds the alert conditions a shell code block states, without judging them: pass each
 * `text` to parseAlertCondition, which reports what is wrong with the ones that do not parse.
 *
 * Two forms are found, in one pass over the lines:
 * - Quoted elements of a shell array whose name mentions alerts, conditions, rules,
 *   thresholds or SLOs (`ALERT_CONDITIONS=( "error_rate > 1%" ... )`, also `+=(`, `declare -a`):
 *   "double" or 'single' quoted, several per line or one per line, `# comments` skipped.
 *   A quote must close on its line; unquoted elements are ignored (a condition has spaces).
 *   The text is what stands between the quotes, escapes left as written.
 * - Comment bullets (`# - Memory growth > 5% in 1 hour`, also `*`, `•`, `1.`) straight under
 *   a comment that introduces alerts and ends with a colon (`# Set up alerts for:`,
 *   `# Alert on:`). The run ends at the first line that is not such a bullet.
 *
 * Pass the block's text as written in the file (CodeBlockNode.text, not displayText), so
 * that lines and columns map to the file: line 0 is the line after the opening fence.
 */

export interface ExtractedCondition {
  readonly text: string;
  /** 0-based line within the block. */
  readonly line: number;
  /** 0-based column of the condition's first character (after the quote or the bullet). */
  readonly column: number;
  readonly origin: 'array' | 'comment';
}

const ARRAY_START = /^\s*(?:(?:declare|local|readonly|typeset|export)\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)\+?=\(/;
const ALERT_ARRAY_NAME = /alert|condition|threshold|(?:^|_)(?:rules?|slos?)(?:_|$)/i;
const COMMENT = /^(\s*#+\s?)(.*)$/;
const ALERT_WORD = /\balert(?:s|ing)?\b/i;
/** What every match of ALERT_WORD contains. */
const MENTIONS_ALERT = /alert/i;
const BULLET = /^(\s*(?:[-*•]|\d+[.)])\s+)(\S(?:.*\S)?)\s*$/;

/**
 * Scans one line of an alert array from `from`. Returns true when the array is still open
 * at the end of the line.
 */
function scanArrayLine(line: string, lineIndex: number, from: number, found: ExtractedCondition[]): boolean {
  let i = from;
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === ')') return false;
    if (c === '#' && (i === 0 || /[\s(]/.test(line.charAt(i - 1)))) return true;
    if (c === '"' || c === "'") {
      const close = closingQuote(line, i + 1, c);
      if (close < 0) return true;
      if (close > i + 1) found.push({ text: line.slice(i + 1, close), line: lineIndex, column: i + 1, origin: 'array' });
      i = close + 1;
      continue;
    }
    i++;
  }
  return true;
}

/** Index of the quote closing one opened before `from`, or -1; `\"` does not close `"`. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) return i;
  }
  return -1;
}

/** The alert conditions in a shell block, in order of appearance. */
export function extractAlertConditions(blockText: string): ExtractedCondition[] {
  const found: ExtractedCondition[] = [];
  // An array needs `=(`; comment bullets need a header comment with the word "alert".
  if (!blockText.includes('=(') && !MENTIONS_ALERT.test(blockText)) return found;
  const lines = blockText.split(/\r\n|\r|\n/);
  let inArray = false;
  let underHeader = false;
  lines.forEach((line, index) => {
    if (inArray) {
      inArray = scanArrayLine(line, index, 0, found);
      return;
    }
    const comment = COMMENT.exec(line);
    if (comment) {
      const [, prefix = '', body = ''] = comment;
      const bullet = underHeader ? BULLET.exec(body) : null;
      if (bullet) {
        const [, marker = '', text = ''] = bullet;
        found.push({ text, line: index, column: prefix.length + marker.length, origin: 'comment' });
        return;
      }
      underHeader = body.trimEnd().endsWith(':') && ALERT_WORD.test(body);
      return;
    }
    underHeader = false;
    const array = ARRAY_START.exec(line);
    if (array && ALERT_ARRAY_NAME.test(array[1] ?? '')) inArray = scanArrayLine(line, index, array[0].length, found);
  });
  return found;
}
