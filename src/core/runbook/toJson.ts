import type { CommandClassification } from '../shell';
import type { TimelineEntry } from './timeline';
import type { Runbook, RunbookCommand, RunbookDiagnostic, RunbookNode, SectionNode } from './model';
import { walk } from './model';

/**
 * The documented, versioned JSON form of a parsed runbook (docs/runbook-json-format.md).
 * Lines and columns are 1-based here, as in editors and linters; ranges are inclusive.
 */
export const RUNBOOK_JSON_FORMAT = 'deploy-pilot/runbook';
export const RUNBOOK_JSON_VERSION = 1;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

function span(node: { line: number; endLine: number }): { line: number; endLine: number } {
  return { line: node.line + 1, endLine: Math.max(node.line + 1, node.endLine) };
}

function classification(c: CommandClassification): { [key: string]: Json | undefined } {
  return {
    destructive: c.destructive ?? null,
    longRunning: c.longRunning ?? null,
    interactive: c.interactive ?? null,
    ...(c.waitSeconds !== undefined ? { waitSeconds: c.waitSeconds } : {}),
  };
}

function commandJson(c: RunbookCommand): Json {
  return {
    id: c.id,
    label: c.label,
    text: c.text,
    ...span(c),
    comment: c.comment,
    classification: classification(c.classification),
    variables: c.variables.map((v) => ({ name: v.name, kind: v.kind })),
  };
}

function nodeJson(node: RunbookNode): Json {
  switch (node.kind) {
    case 'section':
      return {
        type: 'section',
        id: node.id,
        role: node.role,
        level: node.level,
        label: node.label,
        heading: node.heading,
        ...span(node),
        plannedMinutes: node.plannedMinutes,
        traits: { ...node.traits },
        children: node.children.map(nodeJson),
      };
    case 'code':
      return {
        type: 'code',
        id: node.id,
        lang: node.lang,
        role: node.role,
        caption: node.caption,
        ...span(node),
        text: node.displayText,
        commands: node.commands.map(commandJson),
      };
    case 'task':
      return {
        type: 'task',
        id: node.id,
        text: node.text,
        checked: node.checked,
        ...span(node),
        criterion: node.criterion ? { metric: node.criterion.metric, comparator: node.criterion.comparator, threshold: node.criterion.threshold.raw } : undefined,
      };
  }
}

export function diagnosticJson(d: RunbookDiagnostic, file: string): Json {
  return {
    file: d.file ?? file,
    line: d.line + 1,
    column: d.column + 1,
    endLine: d.endLine !== undefined ? d.endLine + 1 : undefined,
    endColumn: d.endColumn !== undefined && d.endColumn < Number.MAX_SAFE_INTEGER ? d.endColumn + 1 : undefined,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

function ref(section: SectionNode): { id: string; label: string; line: number } {
  return { id: section.id, label: section.label, line: section.line + 1 };
}

function timelineJson(entry: TimelineEntry): Json {
  return { label: entry.label, minutes: entry.minutes, maxMinutes: entry.maxMinutes, children: entry.children.map(timelineJson) };
}

/** The runbook as the CLI's `parse --json` prints it. */
export function runbookToJson(runbook: Runbook, file: string): Json {
  const sections = [...walk(runbook.children)].filter((n): n is SectionNode => n.kind === 'section');
  return {
    format: RUNBOOK_JSON_FORMAT,
    formatVersion: RUNBOOK_JSON_VERSION,
    file,
    title: runbook.title,
    subtitle: runbook.subtitle,
    lineCount: runbook.lineCount,
    steps: sections.filter((s) => s.role === 'step').map(ref),
    optionGroups: sections
      .filter((s) => s.traits.optionGroup)
      .map((s) => ({ ...ref(s), options: s.children.filter((c): c is SectionNode => c.kind === 'section' && c.role === 'option').map(ref) })),
    rollback: sections.filter((s) => s.traits.rollback).map(ref),
    successWindows: sections
      .filter((s) => s.traits.windowSeconds !== undefined)
      .map((s) => ({ ...ref(s), seconds: s.traits.windowSeconds ?? 0, items: s.children.filter((c) => c.kind === 'task').length })),
    signOff: sections.filter((s) => s.traits.signOff).map((s) => ({ ...ref(s), items: s.children.filter((c) => c.kind === 'task').length })),
    variables: runbook.variables.map((v) => ({
      name: v.name,
      placeholder: v.placeholder,
      secret: v.secret,
      assignedInRunbook: v.assignedInRunbook,
      declared: v.declared,
      default: v.secret ? undefined : v.defaultValue,
      uses: v.uses.map((u) => ({ commandId: u.commandId, line: u.line + 1, column: u.column + 1, kind: u.kind })),
    })),
    alerts: runbook.alerts.map((a) => ({
      name: a.name,
      origin: a.origin,
      line: a.line + 1,
      column: a.column + 1,
      text: a.rule.text,
      metric: a.rule.metric,
      comparator: a.rule.comparator,
      threshold: { value: a.rule.threshold.value, unit: a.rule.threshold.unit, raw: a.rule.threshold.raw },
      windowSeconds: a.rule.window?.seconds,
      forSeconds: a.rule.for?.seconds,
    })),
    timeline: (runbook.timeline ?? []).map(timelineJson),
    environments: Object.keys(runbook.config.environments),
    tree: runbook.children.map(nodeJson),
    diagnostics: runbook.diagnostics.map((d) => diagnosticJson(d, file)),
  };
}
