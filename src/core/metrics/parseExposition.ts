/**
 * A tolerant parser of the Prometheus text exposition format 0.0.4 (what `/metrics`
 * endpoints serve as `text/plain; version=0.0.4`). It reads what Prometheus' expfmt parser
 * reads, with the same family grouping, but reports a malformed line and goes on with the
 * next one instead of giving up. One pass over the text, no regular expressions, bounded by
 * ExpositionLimits.
 *
 * Lines end with LF or CRLF; blank lines and plain `#` comments are ignored; leading blanks
 * are allowed. See parseSampleLine and parseCommentLine for the line grammars.
 */
import { checkHistogramFamily } from './checkHistograms';
import { LineError, skipBlanks } from './lineSyntax';
import { describeSeries, labelValue, seriesKey } from './labels';
import type {
  ExpositionError,
  ExpositionErrorCode,
  ExpositionLimits,
  ExpositionResult,
  Labels,
  MetricFamily,
  MetricType,
  Sample,
} from './model';
import { DEFAULT_EXPOSITION_LIMITS } from './model';
import { parseFloatToken } from './numbers';
import type { CommentLine } from './parseCommentLine';
import { parseCommentLine } from './parseCommentLine';
import type { SampleLine } from './parseSampleLine';
import { parseSampleLine } from './parseSampleLine';

const CR = 0x0d;
const HASH = 0x23;

/** Parses an exposition; never throws. See ExpositionResult and ExpositionErrorCode. */
export function parseExposition(text: string, limits: ExpositionLimits = {}): ExpositionResult {
  const limit = { ...DEFAULT_EXPOSITION_LIMITS, ...limits };
  const builder = new ExpositionBuilder(limit.maxLabels);

  let end = text.length;
  let truncated = false;
  if (end > limit.maxChars) {
    const lastBreak = text.lastIndexOf('\n', limit.maxChars - 1);
    end = lastBreak < 0 ? 0 : lastBreak + 1;
    truncated = true;
  }

  let lineNumber = 0;
  let position = 0;
  while (position < end) {
    lineNumber++;
    if (lineNumber > limit.maxLines) {
      builder.error('limit', lineNumber, 1, `more than ${limit.maxLines} lines; the rest was not parsed`);
      truncated = false;
      break;
    }
    let next = text.indexOf('\n', position);
    if (next < 0 || next > end) next = end;
    const lineEnd = next > position && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    if (lineEnd - position > limit.maxLineLength) {
      builder.error('limit', lineNumber, 1, `line is ${lineEnd - position} characters long, more than ${limit.maxLineLength}; skipped`);
    } else {
      builder.parseLine(text.slice(position, lineEnd), lineNumber);
    }
    position = next + 1;
  }
  if (truncated) {
    builder.error('limit', lineNumber + 1, 1, `the text is ${text.length} characters long, more than ${limit.maxChars}; the rest was not parsed`);
  }
  return builder.finish();
}

interface FamilyDraft {
  readonly name: string;
  type?: MetricType;
  /** `declared` by a TYPE line, or `implied` (untyped) by a sample before any TYPE line. */
  typeSource?: 'declared' | 'implied';
  help?: string;
  readonly samples: Sample[];
}

class ExpositionBuilder {
  private readonly families = new Map<string, FamilyDraft>();
  private readonly errors: ExpositionError[] = [];
  /** First line of each series, to report duplicates. */
  private readonly seriesLines = new Map<string, number>();

  constructor(private readonly maxLabels: number) {}

  error(code: ExpositionErrorCode, line: number, column: number, reason: string): void {
    this.errors.push({ code, line, column, message: `line ${line}: ${reason}` });
  }

  parseLine(line: string, lineNumber: number): void {
    const start = skipBlanks(line, 0);
    if (start >= line.length) return;
    try {
      if (line.charCodeAt(start) === HASH) this.applyComment(parseCommentLine(line, start), lineNumber);
      else this.addSample(parseSampleLine(line, start, this.maxLabels), lineNumber, start + 1);
    } catch (caught) {
      if (!(caught instanceof LineError)) throw caught;
      this.error(caught.code, lineNumber, caught.index + 1, caught.message);
    }
  }

  finish(): ExpositionResult {
    const families = new Map<string, MetricFamily>();
    for (const draft of this.families.values()) {
      const family: MetricFamily = {
        name: draft.name,
        type: draft.type ?? 'untyped',
        ...(draft.help === undefined ? {} : { help: draft.help }),
        samples: draft.samples,
      };
      families.set(family.name, family);
      for (const problem of checkHistogramFamily(family)) this.error(problem.code, problem.line, 1, problem.message);
    }
    const errors = this.errors.map((error, index) => ({ error, index }));
    errors.sort((a, b) => a.error.line - b.error.line || a.error.column - b.error.column || a.index - b.index);
    return { families, errors: errors.map(({ error }) => error) };
  }

  private applyComment(comment: CommentLine, lineNumber: number): void {
    if (comment.kind === 'comment') return;
    const family = this.family(comment.name);
    if (comment.kind === 'help') {
      if (family.help !== undefined) {
        this.error('metadata', lineNumber, 1, `second HELP line for '${comment.name}'; the first is kept`);
      } else {
        family.help = comment.help;
      }
      return;
    }
    if (family.typeSource === 'declared') {
      this.error('metadata', lineNumber, 1, `second TYPE line for '${comment.name}'; the first is kept`);
    } else if (family.typeSource === 'implied') {
      this.error('metadata', lineNumber, 1, `TYPE line for '${comment.name}' comes after its samples; ignored (they stay untyped)`);
    } else {
      family.type = comment.type;
      family.typeSource = 'declared';
    }
  }

  private addSample(parsed: SampleLine, lineNumber: number, column: number): void {
    const family = this.familyOfSample(parsed.name);
    if (family.typeSource === undefined) {
      family.type = 'untyped';
      family.typeSource = 'implied';
    }
    const labels = parsed.labels;
    const misfit = misfitReason(family, parsed.name, labels);
    if (misfit !== undefined) {
      this.error('structure', lineNumber, column, misfit);
      return;
    }
    const key = seriesKey(parsed.name, labels);
    const first = this.seriesLines.get(key);
    if (first !== undefined) {
      this.error('duplicate-sample', lineNumber, column, `duplicate sample ${describeSeries(parsed.name, labels)} (first on line ${first}); ignored`);
      return;
    }
    this.seriesLines.set(key, lineNumber);
    family.samples.push({
      name: parsed.name,
      labels,
      value: parsed.value,
      ...(parsed.timestampMs === undefined ? {} : { timestampMs: parsed.timestampMs }),
      line: lineNumber,
    });
  }

  /** The family named exactly `name`, created when missing. */
  private family(name: string): FamilyDraft {
    let family = this.families.get(name);
    if (family === undefined) {
      family = { name, samples: [] };
      this.families.set(name, family);
    }
    return family;
  }

  /**
   * The family a sample belongs to, as expfmt decides: the family of that exact name; else a
   * summary named without the `_sum`/`_count` suffix; else a histogram named without the
   * `_bucket`/`_sum`/`_count` suffix; else a new family named like the sample.
   */
  private familyOfSample(name: string): FamilyDraft {
    const exact = this.families.get(name);
    if (exact !== undefined) return exact;
    for (const suffix of ['_bucket', '_sum', '_count']) {
      if (!name.endsWith(suffix)) continue;
      const base = this.families.get(name.slice(0, -suffix.length));
      if (base?.type === 'histogram' || (base?.type === 'summary' && suffix !== '_bucket')) return base;
    }
    return this.family(name);
  }
}

/** Why a sample does not fit its histogram or summary family, or undefined when it does. */
function misfitReason(family: FamilyDraft, name: string, labels: Labels): string | undefined {
  if (family.type === 'histogram') {
    if (name === family.name) {
      return `'${name}' is a histogram: its samples are named ${name}_bucket, ${name}_sum and ${name}_count`;
    }
    if (name === `${family.name}_bucket`) return boundProblem(name, labels, 'le', 'histogram bucket');
  } else if (family.type === 'summary' && name === family.name) {
    return boundProblem(name, labels, 'quantile', 'summary quantile');
  }
  return undefined;
}

function boundProblem(name: string, labels: Labels, label: 'le' | 'quantile', what: string): string | undefined {
  const value = labelValue(labels, label);
  if (value === undefined) return `${what} '${name}' has no '${label}' label`;
  const bound = parseFloatToken(value);
  if (bound === undefined || Number.isNaN(bound)) return `invalid '${label}' value "${value}" in '${name}' (expected a number or +Inf)`;
  return undefined;
}
