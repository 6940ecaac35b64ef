import { extractAlertConditions, parseAlertCondition } from '../alerts';
import type { RunbookConfig } from '../config';
import { commandPosition } from './commands';
import type { CodeBlockNode, Runbook, RunbookAlert, RunbookCommand, RunbookDiagnostic, SectionNode } from './model';
import { allCommands, walk } from './model';
import type { RunbookStructure } from './parseStructure';
import { parseTimeline } from './timeline';
import { collectVariables } from './variables';

/** Cross-cutting analysis over the parsed structure: commands, variables, alerts, diagnostics. */
export function analyzeRunbook(
  structure: RunbookStructure,
  config: RunbookConfig,
  configDiagnostics: readonly RunbookDiagnostic[],
  frontMatterEndLine: number | undefined,
): Runbook {
  const lines = structure.lines();
  const position = (command: RunbookCommand, offset: number): { line: number; column: number } => commandPosition(command, offset, lines);
  const diagnostics: RunbookDiagnostic[] = [...structure.diagnostics, ...configDiagnostics];

  const destructive: RunbookCommand[] = [];
  for (const command of allCommands(structure.children)) {
    if (command.classification.destructive) destructive.push(command);
    for (const issue of command.issues) {
      const start = position(command, issue.column);
      const end = position(command, issue.column + issue.length);
      diagnostics.push({
        severity: issue.severity,
        code: 'command',
        message: issue.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      });
    }
  }

  const { variables, diagnostics: variableDiagnostics } = collectVariables(
    allCommands(structure.children),
    Object.values(config.variables),
    position,
  );
  diagnostics.push(...variableDiagnostics);

  const alerts: RunbookAlert[] = [];
  let timeline: Runbook['timeline'];
  let hasRollback = false;
  for (const node of walk(structure.children)) {
    if (node.kind === 'code' && node.role === 'commands') alerts.push(...blockAlerts(node, lines, diagnostics));
    if (node.kind === 'section') {
      if (node.traits.rollback) hasRollback = true;
      checkOptionGroup(node, diagnostics);
      if (!timeline && /\btime\s*line\b/i.test(node.label)) timeline = sectionTimeline(node);
    }
  }
  for (const alert of config.alerts) {
    const parsed = parseAlertCondition(alert.condition);
    const line = frontMatterEndLine !== undefined ? 1 : 0;
    if (parsed.ok) alerts.push({ rule: parsed.value, name: alert.name, origin: 'config', line, column: 0 });
    else
      diagnostics.push({
        severity: 'warning',
        code: 'alert-condition',
        message: `Alert "${alert.name}": cannot read the condition "${alert.condition}": ${parsed.error} (at column ${parsed.column + 1}).`,
        line,
        column: 0,
      });
  }

  const firstDestructive = destructive[0];
  if (firstDestructive && !hasRollback) {
    diagnostics.push({
      severity: 'warning',
      code: 'no-rollback-section',
      message: `This runbook has ${destructive.length} destructive ${destructive.length === 1 ? 'command' : 'commands'} (first: ${firstDestructive.label}: ${firstDestructive.classification.destructive ?? ''}) but no rollback section: add a heading with "Rollback", "Revert" or "Undo" that says how to go back.`,
      line: firstDestructive.line,
      column: position(firstDestructive, 0).column,
    });
  }

  diagnostics.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.column - b.column);
  return {
    ...(structure.title !== undefined ? { title: structure.title } : {}),
    ...(structure.subtitle !== undefined ? { subtitle: structure.subtitle } : {}),
    children: structure.children,
    diagnostics,
    lineCount: structure.lineCount,
    repairedMojibake: structure.repairedMojibake,
    config,
    ...(frontMatterEndLine !== undefined ? { frontMatterEndLine } : {}),
    variables,
    alerts,
    ...(timeline ? { timeline } : {}),
  };
}

/** Alert conditions written in a shell block (`ALERT_CONDITIONS=( … )`, "# Set up alerts for:"). */
function blockAlerts(node: CodeBlockNode, lines: readonly string[], diagnostics: RunbookDiagnostic[]): RunbookAlert[] {
  const contentLine = node.fence === 'indented' ? node.line : node.line + 1;
  const blockLines = node.text.split('\n');
  const alerts: RunbookAlert[] = [];
  for (const found of extractAlertConditions(node.text)) {
    const line = contentLine + found.line;
    const blockLine = blockLines[found.line] ?? '';
    const fileLine = lines[line] ?? '';
    const column = (fileLine.endsWith(blockLine) ? fileLine.length - blockLine.length : 0) + found.column;
    const parsed = parseAlertCondition(found.text);
    if (parsed.ok) {
      alerts.push({ rule: parsed.value, origin: 'runbook', line, column });
    } else {
      diagnostics.push({
        severity: 'warning',
        code: 'alert-condition',
        message: `Cannot read the alert condition "${found.text}": ${parsed.error}. It is not monitored.`,
        line,
        column: column + parsed.column,
        endColumn: column + found.text.length,
      });
    }
  }
  return alerts;
}

function checkOptionGroup(node: SectionNode, diagnostics: RunbookDiagnostic[]): void {
  const options = node.children.filter((c): c is SectionNode => c.kind === 'section' && c.role === 'option');
  const only = options[0];
  if (node.traits.optionGroup && options.length === 1 && only) {
    diagnostics.push({
      severity: 'warning',
      code: 'single-option',
      message: `"${node.label}" offers a choice but has only one option ("${only.label}"): add the alternatives or drop "Option" from the heading.`,
      line: only.line,
      column: 0,
    });
  }
}

function sectionTimeline(node: SectionNode): Runbook['timeline'] {
  for (const child of node.children) {
    if (child.kind !== 'code') continue;
    const entries = parseTimeline(child.displayText);
    if (entries.length > 0) return entries;
  }
  return undefined;
}
