import type { SectionTraits } from './traits';

/**
 * The runbook model: what a markdown deployment guide says, with the source lines it came
 * from. Line numbers are 0-based (as editors count them); `endLine` is exclusive.
 */

export type SectionRole = 'section' | 'step' | 'option';

export interface SourceSpan {
  /** First line, 0-based. */
  readonly line: number;
  /** One past the last line, 0-based. */
  readonly endLine: number;
}

export interface SectionNode extends SourceSpan {
  readonly kind: 'section';
  /** Stable across edits that move lines: built from the heading path. */
  readonly id: string;
  readonly role: SectionRole;
  /** Markdown heading level, 1..6. */
  readonly level: number;
  /** Readable label: mojibake repaired, emoji stripped, duration kept out. */
  readonly label: string;
  /** The heading text as written (inline markup removed, mojibake repaired). */
  readonly heading: string;
  /** Planned duration from a heading suffix such as "(5 minutes)". */
  readonly plannedMinutes?: number;
  /** Rollback procedure, option group, success window, sign-off checklist. */
  readonly traits: SectionTraits;
  readonly children: RunbookNode[];
}

export interface CodeBlockNode extends SourceSpan {
  readonly kind: 'code';
  readonly id: string;
  /** The info string's first word, lower-cased; '' when absent. */
  readonly lang: string;
  /** The block's content exactly as written (without the fences). */
  readonly text: string;
  /** The content for display: mojibake repaired (the same string when nothing needed it). */
  readonly displayText: string;
  /** First line that is not blank and not a comment, for a label. */
  readonly firstCommand: string;
  /** The paragraph right before the block ("**Expected Output**:"), if any. */
  readonly caption?: string;
  readonly fence: 'backtick' | 'tilde' | 'indented';
}

export interface TaskNode extends SourceSpan {
  readonly kind: 'task';
  /** Stable key for persisted checkbox state: section path + text (+ occurrence). */
  readonly id: string;
  readonly text: string;
  /** `- [x]` in the file. */
  readonly checked: boolean;
}

export type RunbookNode = SectionNode | CodeBlockNode | TaskNode;

export type DiagnosticSeverity = 'error' | 'warning' | 'information';

export interface RunbookDiagnostic {
  readonly severity: DiagnosticSeverity;
  /** Stable machine-readable code, e.g. `no-steps`. */
  readonly code: string;
  readonly message: string;
  /** 0-based. */
  readonly line: number;
  /** 0-based. */
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface Runbook {
  /** The single top-level heading, if the document has one. */
  readonly title?: string;
  /** An empty heading straight after the title (the seed's "Step-by-Step ... Guide - date"). */
  readonly subtitle?: string;
  readonly children: RunbookNode[];
  readonly diagnostics: RunbookDiagnostic[];
  readonly lineCount: number;
  /** True when the file's decorative characters were repaired from Mac Roman mojibake. */
  readonly repairedMojibake: boolean;
}

export function isSection(node: RunbookNode): node is SectionNode {
  return node.kind === 'section';
}

/** Depth-first walk over every node, parents before children. */
export function* walk(nodes: readonly RunbookNode[]): Generator<RunbookNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'section') yield* walk(node.children);
  }
}

/** The innermost node whose span contains `line`, with its ancestors (outermost first). */
export function nodePathAtLine(nodes: readonly RunbookNode[], line: number): RunbookNode[] {
  const path: RunbookNode[] = [];
  let level: readonly RunbookNode[] = nodes;
  for (;;) {
    const hit = level.find((n) => line >= n.line && line < n.endLine);
    if (!hit) return path;
    path.push(hit);
    if (hit.kind !== 'section') return path;
    level = hit.children;
  }
}
