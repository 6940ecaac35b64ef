import type { Runbook, RunbookNode, SectionNode, TaskNode } from '../runbook';
import { walk } from '../runbook';
import { formatDeltaMs, formatDurationMs, formatTime, msBetween } from './durations';
import { cell, codeSpan, table } from './markdown';
import type { PlannedTime } from './plannedTime';
import { plannedTimeOf } from './plannedTime';
import type { CommandRecord, CommandStatus, RollbackRecord, RollbackState, RunRecord, RunState } from './runModel';

export const STATUS_ICONS: Readonly<Record<CommandStatus, string>> = {
  pending: '⬜',
  running: '⏳',
  started: '▶️',
  succeeded: '✅',
  failed: '❌',
  skipped: '⏭️',
  unknown: '❓',
  interrupted: '⚠️',
};

export const RUN_STATE_ICONS: Readonly<Record<RunState, string>> = {
  running: '⏳',
  completed: '✅',
  failed: '❌',
  aborted: '🛑',
  interrupted: '⚠️',
};

const STATUS_ORDER: readonly CommandStatus[] = ['succeeded', 'failed', 'skipped', 'unknown', 'interrupted', 'started', 'running', 'pending'];

interface Group {
  readonly key: string;
  readonly label: string;
  readonly section?: SectionNode;
  readonly options: Set<string>;
  readonly commands: CommandRecord[];
}

interface Placement {
  readonly group: SectionNode | undefined;
  readonly option: SectionNode | undefined;
  readonly order: number;
}

/** Where each command of the runbook reports: its step (deepest `step` section, else deepest non-option section). */
function placements(runbook: Runbook): Map<string, Placement> {
  const out = new Map<string, Placement>();
  let order = 0;
  const visit = (nodes: readonly RunbookNode[], path: readonly SectionNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'section') visit(node.children, [...path, node]);
      else if (node.kind === 'code') {
        const step = [...path].reverse().find((s) => s.role === 'step') ?? [...path].reverse().find((s) => s.role !== 'option');
        const inner = path[path.length - 1];
        const option = inner?.role === 'option' ? inner : undefined;
        for (const command of node.commands) out.set(command.id, { group: step, option, order: order++ });
      }
    }
  };
  visit(runbook.children, []);
  return out;
}

function groupsOf(record: RunRecord, runbook: Runbook | undefined): Group[] {
  const groups = new Map<string, Group & { order: number }>();
  const where = runbook ? placements(runbook) : new Map<string, Placement>();
  record.commands.forEach((command, index) => {
    const place = where.get(command.commandId);
    const known = runbook !== undefined && place !== undefined;
    const key = known ? (place.group?.id ?? '') : `record:${command.stepId}`;
    let group = groups.get(key);
    if (!group) {
      const label = known ? (place.group?.label ?? 'Top level') : runbook ? `${command.stepId} (not in the current runbook)` : command.stepId || 'Top level';
      group = { key, label, ...(known && place.group ? { section: place.group } : {}), options: new Set(), commands: [], order: known ? place.order : Number.MAX_SAFE_INTEGER / 2 + index };
      groups.set(key, group);
    }
    if (known && place.option) group.options.add(place.option.label);
    if (known) group.order = Math.min(group.order, place.order);
    group.commands.push(command);
  });
  const commandOrder = (c: CommandRecord): number => where.get(c.commandId)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()]
    .sort((a, b) => a.order - b.order)
    .map((g) => ({ ...g, commands: runbook ? [...g.commands].sort((a, b) => commandOrder(a) - commandOrder(b)) : g.commands }));
}

/** Wall-clock time of a group: first start to last end. */
function actualMs(commands: readonly CommandRecord[]): number | undefined {
  const starts = commands.map((c) => c.startedAt).filter((t): t is string => t !== undefined).sort();
  const ends = commands.map((c) => c.endedAt ?? c.startedAt).filter((t): t is string => t !== undefined).sort();
  return msBetween(starts[0], ends[ends.length - 1]);
}

function statusText(c: CommandRecord): string {
  const parts = [`${STATUS_ICONS[c.status]} ${c.status}`];
  if (c.markedDone) parts.push('(marked done)');
  if (c.attempts > 1) parts.push(`(${c.attempts} attempts)`);
  if (c.note !== undefined) parts.push(`— ${c.note}`);
  return parts.join(' ');
}

function plannedLine(planned: PlannedTime, actual: number | undefined): string {
  const plannedMs = planned.minutes * 60_000;
  const range = planned.maxMinutes !== undefined ? `${planned.minutes}–${planned.maxMinutes} min` : formatDurationMs(plannedMs);
  const from = planned.source === 'timeline' ? ` (timeline: "${planned.timelineLabel ?? ''}")` : '';
  if (actual === undefined) return `Planned ${range}${from} · actual —`;
  return `Planned ${range}${from} · actual ${formatDurationMs(actual)} (${formatDeltaMs(actual - plannedMs)})`;
}

function header(record: RunRecord, runbook: Runbook | undefined): string[] {
  const title = record.runbook.title ?? runbook?.title ?? record.runbook.path;
  const rows: string[][] = [
    ['Runbook', codeSpan(record.runbook.path)],
    ['Runbook sha256', codeSpan(record.runbook.sha256)],
  ];
  if (record.environment !== undefined) rows.push(['Environment', record.environment]);
  rows.push(['Operator', record.operator]);
  const git = [record.git?.commit !== undefined ? codeSpan(record.git.commit) : '', record.git?.branch !== undefined ? `on ${codeSpan(record.git.branch)}` : ''].filter((s) => s !== '');
  if (git.length > 0) rows.push(['Git', git.join(' ')]);
  rows.push(['Started', formatTime(record.startedAt)]);
  if (record.endedAt !== undefined) rows.push(['Ended', formatTime(record.endedAt)]);
  const total = msBetween(record.startedAt, record.endedAt);
  if (total !== undefined) rows.push(['Duration', formatDurationMs(total)]);
  rows.push(['State', `${RUN_STATE_ICONS[record.state]} ${record.state}`]);
  if (record.dryRun) rows.push(['Mode', 'dry run (commands printed, not run)']);
  return [`# Run report: ${title}`, '', ...table(['Run', codeSpan(record.id)], ['left', 'left'], rows)];
}

function stepSection(group: Group, timeline: Runbook['timeline']): { lines: string[]; planned?: { ms: number; actual: number | undefined } } {
  const lines = ['', `### ${group.label}`, ''];
  if (group.options.size > 0) lines.push(`Option: ${[...group.options].join(', ')}`, '');
  const planned = group.section ? plannedTimeOf(group.section, timeline) : undefined;
  const actual = actualMs(group.commands);
  if (planned) lines.push(plannedLine(planned, actual), '');
  const rows = group.commands.map((c, i) => [
    String(i + 1),
    codeSpan(c.label),
    statusText(c),
    c.exitCode !== undefined ? String(c.exitCode) : '—',
    c.durationMs !== undefined ? formatDurationMs(c.durationMs) : '—',
  ]);
  lines.push(...table(['#', 'Command', 'Status', 'Exit code', 'Duration'], ['right', 'left', 'left', 'right', 'right'], rows));
  return { lines, ...(planned ? { planned: { ms: planned.minutes * 60_000, actual } } : {}) };
}

function totals(record: RunRecord, planned: readonly { ms: number; actual: number | undefined }[]): string[] {
  const counts = STATUS_ORDER.map((s) => [s, record.commands.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  const inCommands = record.commands.reduce((sum, c) => sum + (c.durationMs ?? 0), 0);
  const lines = [
    '',
    '## Totals',
    '',
    `- Commands: ${record.commands.length}${counts.length > 0 ? ` (${counts.map(([s, n]) => `${STATUS_ICONS[s]} ${n} ${s}`).join(', ')})` : ''}`,
    `- Time in commands: ${formatDurationMs(inCommands)}`,
  ];
  const measured = planned.filter((p): p is { ms: number; actual: number } => p.actual !== undefined);
  if (measured.length > 0) {
    const plannedMs = measured.reduce((s, p) => s + p.ms, 0);
    const actual = measured.reduce((s, p) => s + p.actual, 0);
    lines.push(`- Steps with a planned duration: planned ${formatDurationMs(plannedMs)} · actual ${formatDurationMs(actual)} (${formatDeltaMs(actual - plannedMs)})`);
  }
  if (record.droppedEvents > 0) lines.push(`- ${record.droppedEvents} oldest events were dropped from the record`);
  return lines;
}

function checklist(record: RunRecord, runbook: Runbook | undefined): string[] {
  if (record.checklist.length === 0) return [];
  const tasks = new Map<string, TaskNode>();
  if (runbook) for (const node of walk(runbook.children)) if (node.kind === 'task') tasks.set(node.id, node);
  const ticks = [...record.checklist].sort((a, b) => a.at.localeCompare(b.at));
  return ['', '## Checklist', '', ...ticks.map((t) => `- [${t.checked ? 'x' : ' '}] ${cell(t.text ?? tasks.get(t.taskId)?.text ?? t.taskId)} — ${t.checked ? 'ticked' : 'unticked'} ${formatTime(t.at)}`)];
}

const ROLLBACK_ICONS: Readonly<Record<RollbackState, string>> = {
  running: '⏳',
  verifying: '⏳',
  healthy: '✅',
  unhealthy: '⚠️',
  unverified: '❔',
  failed: '❌',
  cancelled: '⏹️',
  interrupted: '⚠️',
};

function rollbackDetail(r: RollbackRecord): string {
  if (r.state === 'healthy') return `${r.healthyChecks ?? 0} healthy checks${r.timeToHealthyMs !== undefined ? ` in ${formatDurationMs(r.timeToHealthyMs)}` : ''}`;
  if (r.state === 'unhealthy') return (r.missing ?? []).join('; ');
  if (r.state === 'failed' && r.failedCommand) return `command ${r.failedCommand.index} ${codeSpan(r.failedCommand.text.split('\n')[0] ?? '')}${r.failedCommand.exitCode !== undefined ? ` exit ${r.failedCommand.exitCode}` : ''}`;
  return r.reason ?? '';
}

function rollbacks(record: RunRecord): string[] {
  const list = record.rollbacks ?? [];
  if (list.length === 0) return [];
  const rows = list.map((r) => [
    cell(r.environment),
    r.from !== undefined && r.to !== undefined ? `${codeSpan(r.from)} → ${codeSpan(r.to)}` : '—',
    r.automatic ? `automatic${r.trigger ? ` (${cell(r.trigger)})` : ''}` : 'operator',
    formatTime(r.startedAt),
    `${ROLLBACK_ICONS[r.state]} ${r.state}`,
    cell(rollbackDetail(r)),
    r.timeFromAlertMs !== undefined ? formatDurationMs(r.timeFromAlertMs) : '—',
  ]);
  return ['', '## Rollbacks', '', ...table(['Environment', 'From → to', 'Started by', 'Started', 'Result', 'Detail', 'Alert → healthy'], ['left', 'left', 'left', 'left', 'left', 'left', 'right'], rows)];
}

function variables(record: RunRecord): string[] {
  if (record.variables.length === 0) return [];
  const rows = record.variables.map((v) => [codeSpan(v.name), v.source, v.secret ? '(secret)' : v.value !== undefined ? codeSpan(v.value) : '—']);
  return ['', '## Variables', '', ...table(['Name', 'Source', 'Value'], ['left', 'left', 'left'], rows)];
}

/**
 * A run as markdown: header (runbook, environment, operator, commit, times, state), a table
 * per step (command, status, exit code, duration) with planned vs actual time where the
 * runbook gives one (heading duration, else its timeline), totals, checklist ticks with their
 * times, the rollbacks (from → to, trigger, result, time from the alert to healthy) and the
 * variables (secrets without value). Without the runbook, commands are grouped
 * by their section id and no planned times are shown.
 */
export function renderRunReport(record: RunRecord, runbook?: Runbook): string {
  const lines = header(record, runbook);
  lines.push('', '## Steps');
  const planned: { ms: number; actual: number | undefined }[] = [];
  const groups = groupsOf(record, runbook);
  if (groups.length === 0) lines.push('', 'No command was run.');
  for (const group of groups) {
    const section = stepSection(group, runbook?.timeline);
    lines.push(...section.lines);
    if (section.planned) planned.push(section.planned);
  }
  lines.push(...totals(record, planned), ...checklist(record, runbook), ...rollbacks(record), ...variables(record));
  return `${lines.join('\n')}\n`;
}
