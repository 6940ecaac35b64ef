import type { EnvironmentSnapshot } from '../../core/monitoring/snapshot';

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** The status bar tooltip: state, last checks, alerts, sources (markdown). */
export function describeSnapshot(snapshot: EnvironmentSnapshot, clickHint: string): string {
  const lines: string[] = [`**${escapeMarkdown(snapshot.environment)}**: ${snapshot.overall} (health probe ${snapshot.probe})`, ''];
  const alerts = snapshot.alerts;
  if (alerts.length > 0) {
    lines.push('**Alerts**', '');
    for (const alert of alerts) {
      const icon = alert.state === 'firing' ? '$(flame)' : '$(clock)';
      lines.push(`- ${icon} ${alert.state.toUpperCase()} ${escapeMarkdown(alert.text)}${alert.value ? ` (now ${escapeMarkdown(alert.value)})` : ''} since ${clock(alert.since)}`);
    }
    lines.push('');
  }
  if (snapshot.lastChecks.length > 0) {
    lines.push('**Last checks**', '');
    for (const check of snapshot.lastChecks) lines.push(`- ${check.ok ? '$(check)' : '$(x)'} ${clock(check.at)} ${escapeMarkdown(check.detail)}`);
    lines.push('');
  }
  // The health probe's failure is in the last checks already.
  const failing = snapshot.sources.filter((s) => !s.ok && s.name !== 'health');
  for (const source of failing) lines.push(`$(warning) ${source.name}: ${escapeMarkdown(source.message ?? 'failing')}`, '');
  lines.push(clickHint);
  return lines.join('\n');
}
