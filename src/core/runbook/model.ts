import type { AlertRule } from '../alerts';
import type { RunbookConfig } from '../config';
import type { CommandClassification, CommandIssue, VariableRef } from '../shell';
import type { TimelineEntry } from './timeline';
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

/** One command of a shell block, as an operator runs it. */
export interface RunbookCommand extends SourceSpan {
  readonly kind: 'command';
  /** `<block id>:<index>`: stable while the block's commands stay in order. */
  readonly id: string;
  /** Exactly what is sent to the shell (continuations and heredocs included). */
  readonly text: string;
  /** The first line, without a trailing comment: for labels. */
  readonly label: string;
  /** Comment lines right above the command, for display. */
  readonly comment?: string;
  readonly classification: CommandClassification;
  /** Variables it reads, assigns or asks for; columns are offsets in `text`. */
  readonly variables: readonly VariableRef[];
  /** Why it cannot work as written (`docker-compose … -e X up`); columns are offsets in `text`. */
  readonly issues: readonly CommandIssue[];
}

/**
 * What a code block is for: `commands` (shell to run), `output` (what a command should print,
 * e.g. after "Expected Output:"), or `content` (markdown, YAML, a table: shown, never run).
 */
export type CodeBlockRole = 'commands' | 'output' | 'content';

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
  readonly role: CodeBlockRole;
  /** The commands, for a `commands` block; empty otherwise. */
  readonly commands: readonly RunbookCommand[];
}

export interface TaskNode extends SourceSpan {
  readonly kind: 'task';
  /** Stable key for persisted checkbox state: section path + text (+ occurrence). */
  readonly id: string;
  readonly text: string;
  /** `- [x]` in the file. */
  readonly checked: boolean;
  /** A measurable criterion ("Error rate < 0.5%"): what must hold for the item to be true. */
  readonly criterion?: AlertRule;
}

export type RunbookNode = SectionNode | CodeBlockNode | TaskNode;

export type DiagnosticSeverity = 'error' | 'warning' | 'information';

export interface RunbookDiagnostic {
  /** The file it points into when that is not the runbook (a sidecar config file). */
  readonly file?: string;
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

/** Where a variable is used: a command and an offset in its text. */
export interface VariableUse {
  readonly commandId: string;
  readonly line: number;
  readonly column: number;
  readonly kind: VariableRef['kind'];
}

export interface RunbookVariable {
  readonly name: string;
  /** A placeholder (`<your-value>`) rather than a shell variable. */
  readonly placeholder: boolean;
  /** Assigned by a command of the runbook (`PREVIOUS_TAG=$(…)`): known when that command ran. */
  readonly assignedInRunbook: boolean;
  /** Declared in the configuration (front matter or sidecar). */
  readonly declared: boolean;
  readonly secret: boolean;
  readonly defaultValue?: string;
  readonly description?: string;
  readonly uses: readonly VariableUse[];
}

/** An alert condition found in the runbook's text or configuration. */
export interface RunbookAlert {
  readonly rule: AlertRule;
  /** The configuration's alert name, when it comes from there. */
  readonly name?: string;
  readonly origin: 'runbook' | 'config';
  readonly line: number;
  readonly column: number;
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
  /** Front matter and sidecar configuration, defaults applied. */
  readonly config: RunbookConfig;
  /** Lines 0..frontMatterEndLine (inclusive) hold YAML front matter, when there is some. */
  readonly frontMatterEndLine?: number;
  readonly variables: readonly RunbookVariable[];
  readonly alerts: readonly RunbookAlert[];
  /** The "Expected Timeline" block, parsed. */
  readonly timeline?: readonly TimelineEntry[];
}

/** Every command of the runbook in document order. */
export function* allCommands(nodes: readonly RunbookNode[]): Generator<RunbookCommand> {
  for (const node of walk(nodes)) if (node.kind === 'code') yield* node.commands;
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
