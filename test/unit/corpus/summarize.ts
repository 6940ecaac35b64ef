import type { CodeBlockRole, Runbook, RunbookCommand, RunbookNode, SectionNode, SectionRole, SectionTraits } from '../../../src/core/runbook';
import { walk } from '../../../src/core/runbook';

/**
 * A compact, human-reviewable summary of a parsed runbook: what the corpus fixtures'
 * `<name>.expected.json` files state (written by hand from reading each fixture).
 *
 * - Sections: label, role, traits, planned minutes, code blocks counted by role, task items
 *   counted, sub-sections. Empty counts and lists are left out.
 * - `code` / `tasks` at the top: nodes outside every section (before the first heading, or
 *   directly under the single title heading, whose children become the top level).
 * - Commands: `label`, then ` [destructive, longRunning, interactive]` for the flags set.
 * - Variables: `NAME`, `<placeholder>`, with ` (secret)` for secrets.
 * - Alerts and checklist criteria: `metric comparator raw-threshold`.
 * - Diagnostics: `line:column severity code`, 1-based (as an editor shows them).
 */
export interface SectionSummary {
  label: string;
  role: SectionRole;
  traits?: string[];
  plannedMinutes?: number;
  code?: Partial<Record<CodeBlockRole, number>>;
  tasks?: number;
  sections?: SectionSummary[];
}

export interface RunbookSummary {
  title?: string;
  subtitle?: string;
  lineCount: number;
  code?: Partial<Record<CodeBlockRole, number>>;
  tasks?: number;
  sections: SectionSummary[];
  commands: string[];
  variables: string[];
  alerts: string[];
  criteria: string[];
  diagnostics: string[];
}

const ROLES: readonly CodeBlockRole[] = ['commands', 'output', 'content'];

export function traitList(traits: SectionTraits): string[] {
  const out: string[] = [];
  if (traits.rollback) out.push('rollback');
  if (traits.optionGroup) out.push('optionGroup');
  if (traits.windowSeconds !== undefined) out.push(`window=${traits.windowSeconds}`);
  if (traits.signOff) out.push('signOff');
  return out;
}

/** Code blocks by role and task items among `nodes` (not nested sections). */
function counts(nodes: readonly RunbookNode[]): { code?: Partial<Record<CodeBlockRole, number>>; tasks?: number } {
  const code: Partial<Record<CodeBlockRole, number>> = {};
  let tasks = 0;
  for (const node of nodes) {
    if (node.kind === 'code') code[node.role] = (code[node.role] ?? 0) + 1;
    else if (node.kind === 'task') tasks++;
  }
  const ordered: Partial<Record<CodeBlockRole, number>> = {};
  for (const role of ROLES) if (code[role] !== undefined) ordered[role] = code[role];
  return { ...(Object.keys(ordered).length > 0 ? { code: ordered } : {}), ...(tasks > 0 ? { tasks } : {}) };
}

function summarizeSection(section: SectionNode): SectionSummary {
  const traits = traitList(section.traits);
  const sections = section.children.filter((c): c is SectionNode => c.kind === 'section').map(summarizeSection);
  return {
    label: section.label,
    role: section.role,
    ...(traits.length > 0 ? { traits } : {}),
    ...(section.plannedMinutes !== undefined ? { plannedMinutes: section.plannedMinutes } : {}),
    ...counts(section.children),
    ...(sections.length > 0 ? { sections } : {}),
  };
}

export function commandSummary(command: RunbookCommand): string {
  const c = command.classification;
  const flags = [c.destructive !== undefined ? 'destructive' : '', c.longRunning !== undefined ? 'longRunning' : '', c.interactive !== undefined ? 'interactive' : ''].filter(
    (f) => f.length > 0,
  );
  return flags.length > 0 ? `${command.label} [${flags.join(', ')}]` : command.label;
}

export function summarize(runbook: Runbook): RunbookSummary {
  const commands: string[] = [];
  const criteria: string[] = [];
  for (const node of walk(runbook.children)) {
    if (node.kind === 'code') for (const command of node.commands) commands.push(commandSummary(command));
    if (node.kind === 'task' && node.criterion) {
      const r = node.criterion;
      criteria.push(`${node.text} => ${r.metric} ${r.comparator} ${r.threshold.raw}`);
    }
  }
  return {
    ...(runbook.title !== undefined ? { title: runbook.title } : {}),
    ...(runbook.subtitle !== undefined ? { subtitle: runbook.subtitle } : {}),
    lineCount: runbook.lineCount,
    ...counts(runbook.children),
    sections: runbook.children.filter((c): c is SectionNode => c.kind === 'section').map(summarizeSection),
    commands,
    variables: runbook.variables.map((v) => `${v.placeholder ? `<${v.name}>` : v.name}${v.secret ? ' (secret)' : ''}`),
    alerts: runbook.alerts.map((a) => `${a.rule.metric} ${a.rule.comparator} ${a.rule.threshold.raw}`),
    criteria,
    diagnostics: runbook.diagnostics.map((d) => `${d.file !== undefined ? `${d.file}:` : ''}${d.line + 1}:${d.column + 1} ${d.severity} ${d.code}`),
  };
}
