/**
 * Which rules an environment's monitor evaluates: the runbook's alert conditions (its text and
 * its configuration) and its measurable checklist items inside success-criteria windows.
 */
import type { AlertRule } from '../alerts';
import { formatRule } from '../alerts';
import type { AlertSeverity } from '../config';
import type { Runbook, RunbookNode, TaskNode } from '../runbook/model';

export interface MonitoredAlert {
  /** Stable: the configuration's name, or "runbook:<line>" for a condition in the text. */
  readonly id: string;
  /** The configuration's name, or the condition itself. */
  readonly name: string;
  readonly rule: AlertRule;
  readonly severity: AlertSeverity;
  /** Prometheus `for`, in seconds (0: fires at the first evaluation that holds). */
  readonly forSeconds: number;
  /** 0-based line in the runbook (1 for the front matter), for "where is this rule". */
  readonly line: number;
}

export interface MonitoredCriterion {
  readonly taskId: string;
  readonly text: string;
  readonly rule: AlertRule;
  /** The success window it belongs to ("First Hour" = 3600). */
  readonly windowSeconds: number;
  readonly line: number;
}

/** Runbook-text conditions ("Set up alerts for: …") are warnings unless the configuration says otherwise. */
export const RUNBOOK_ALERT_SEVERITY: AlertSeverity = 'warning';

/** The alert rules that apply to `environment`; a configured alert replaces a text condition with the same rule. */
export function monitoredAlerts(runbook: Runbook, environment: string): MonitoredAlert[] {
  const result: MonitoredAlert[] = [];
  const configured = new Set<string>();
  for (const alert of runbook.alerts) {
    if (alert.origin !== 'config' || alert.name === undefined) continue;
    const config = runbook.config.alerts.find((a) => a.name === alert.name);
    if (!config) continue;
    if (config.environments && !config.environments.includes(environment)) continue;
    configured.add(formatRule(alert.rule));
    result.push({
      id: config.name,
      name: config.name,
      rule: alert.rule,
      severity: config.severity,
      forSeconds: config.forSeconds > 0 ? config.forSeconds : (alert.rule.for?.seconds ?? 0),
      line: alert.line,
    });
  }
  for (const alert of runbook.alerts) {
    if (alert.origin === 'config') continue;
    const text = formatRule(alert.rule);
    if (configured.has(text)) continue;
    configured.add(text);
    result.push({
      id: `runbook:${alert.line + 1}:${alert.column + 1}`,
      name: alert.rule.text,
      rule: alert.rule,
      severity: RUNBOOK_ALERT_SEVERITY,
      forSeconds: alert.rule.for?.seconds ?? 0,
      line: alert.line,
    });
  }
  return result;
}

/** Measurable checklist items inside a success window (the nearest enclosing section that has one). */
export function monitoredCriteria(runbook: Runbook): MonitoredCriterion[] {
  const result: MonitoredCriterion[] = [];
  const visit = (nodes: readonly RunbookNode[], windowSeconds: number | undefined): void => {
    for (const node of nodes) {
      if (node.kind === 'section') visit(node.children, node.traits.windowSeconds ?? windowSeconds);
      else if (node.kind === 'task' && node.criterion && windowSeconds !== undefined && !node.checked) result.push(criterionOf(node, node.criterion, windowSeconds));
    }
  };
  visit(runbook.children, undefined);
  return result;
}

function criterionOf(task: TaskNode, rule: AlertRule, windowSeconds: number): MonitoredCriterion {
  return { taskId: task.id, text: task.text, rule, windowSeconds, line: task.line };
}
