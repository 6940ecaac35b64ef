/** The words of the empty and error states: what is wrong and what to do about it. */
import type { DashboardAction, EmptyReason, SourceStatus } from '../../../src/shared/dashboardProtocol';

export interface Guidance {
  readonly title: string;
  readonly text: string;
  readonly actions: readonly DashboardAction[];
}

/** The standard guidance per empty reason (`environment` names the one concerned, when known). */
export function emptyGuidance(reason: EmptyReason, environment: string | undefined): Guidance {
  const env = environment ?? 'the environment';
  switch (reason) {
    case 'no-runbook':
      return {
        title: 'No runbook open',
        text: 'Open a runbook (a markdown deployment guide) with "Deploy Pilot: Open Runbook…". Its environments and alert rules drive this dashboard.',
        actions: [],
      };
    case 'no-environment':
      return {
        title: 'No environment to monitor',
        text: "The runbook configures no environment with a healthUrl or a metricsUrl. Add one under environments: in the runbook's front matter or in its <name>.deploy-pilot.yaml (for example staging: healthUrl: http://127.0.0.1:8080/health), save, then start monitoring.",
        actions: [],
      };
    case 'not-monitoring':
      return { title: 'Monitoring is not running', text: `Start monitoring to see live charts of memory, error rate and latency for ${env}.`, actions: ['startMonitoring'] };
    case 'no-data':
      return {
        title: 'Waiting for the first samples',
        text: `Monitoring ${env} has started; the charts appear with the first health check or scrape. If nothing arrives, the monitoring log says why.`,
        actions: ['openLog'],
      };
  }
}

const SOURCE_LABELS: Readonly<Record<SourceStatus['name'], string>> = { health: 'Health check', metrics: 'Metrics scrape', prometheus: 'Prometheus query', docker: 'Docker stats' };

/** "Metrics scrape failing: connection refused (…)" per failing source. */
export function sourceProblems(sources: readonly SourceStatus[]): string[] {
  return sources.filter((s) => !s.ok).map((s) => `${SOURCE_LABELS[s.name]} failing${s.message !== undefined && s.message !== '' ? `: ${s.message}` : ''}`);
}
