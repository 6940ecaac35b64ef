import type { RunRecord } from '../run';
import type { RunEventMarker } from '../../shared/dashboardProtocol';

const DEPLOY = /\bdocker(?:-compose|\s+compose)\b[^\n]*\bup\b|\bkubectl\s+(?:apply|rollout)\b|\bhelm\s+(?:upgrade|install)\b/;
const MAX_MARKERS = 200;

/**
 * The run's events for the charts: each step's first command start ("step-started"), commands
 * that failed ("step-failed"), deploy commands (`docker-compose … up`, `kubectl apply`, `helm
 * upgrade`) and commands of the rollback section ("rollback"). Newest 200, oldest first.
 */
export function runMarkers(record: RunRecord | undefined, rollbackStepIds: ReadonlySet<string>, stepLabels: ReadonlyMap<string, string>, fromMs: number): RunEventMarker[] {
  if (!record) return [];
  const markers: RunEventMarker[] = [];
  const seenSteps = new Set<string>();
  for (const command of record.commands) {
    const started = command.startedAt ? Date.parse(command.startedAt) : Number.NaN;
    if (!Number.isFinite(started)) continue;
    const step = stepLabels.get(command.stepId) ?? command.label;
    if (rollbackStepIds.has(command.stepId)) markers.push({ t: started, label: `rollback: ${command.label}`, kind: 'rollback' });
    else if (DEPLOY.test(command.text)) markers.push({ t: started, label: `deploy: ${command.label}`, kind: 'deploy' });
    else if (!seenSteps.has(command.stepId)) markers.push({ t: started, label: step, kind: 'step-started' });
    seenSteps.add(command.stepId);
    if (command.status === 'failed') {
      const ended = command.endedAt ? Date.parse(command.endedAt) : started;
      markers.push({ t: Number.isFinite(ended) ? ended : started, label: `${step} failed (exit ${command.exitCode ?? '?'})`, kind: 'step-failed' });
    }
  }
  return markers
    .filter((m) => m.t >= fromMs)
    .sort((a, b) => a.t - b.t)
    .slice(-MAX_MARKERS);
}
