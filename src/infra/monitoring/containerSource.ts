import type { ChangeTally } from '../../core/containers';
import { baselineOf, startTally, tallyChanges } from '../../core/containers';
import type { ContainerPort, ContainerReading } from '../../core/monitoring';
import type { DockerClient, FindContainersOptions } from '../docker';

/**
 * The deployment's containers through dockerode: found by name or compose project/service,
 * sampled once each (memory as `docker stats` shows it, CPU %), and their restarts and OOM kills
 * counted from the baseline taken when monitoring started (Docker resets RestartCount on a
 * manual start and OOMKilled on every start, so absolute values mean nothing). A container
 * recreated by a redeploy is re-baselined, not counted as a restart.
 */
export class DockerContainerSource implements ContainerPort {
  private readonly tallies = new Map<string, ChangeTally>();

  constructor(
    private readonly docker: DockerClient,
    private readonly query: FindContainersOptions,
  ) {}

  async read(signal: AbortSignal): Promise<readonly ContainerReading[]> {
    const found = await this.docker.findContainers({ ...this.query, includeStopped: true });
    // Stopped containers count only when they were seen running: an old container of the project must not.
    const watched = found.filter((c) => c.state === 'running' || c.state === 'restarting' || this.tallies.has(c.name));
    const readings = await Promise.all(
      watched.map(async (container): Promise<ContainerReading | undefined> => {
        if (signal.aborted) return undefined;
        const inspect = await this.docker.inspect(container.id);
        const previous = this.tallies.get(container.name);
        const tally = previous ? tallyChanges(previous, inspect) : startTally(baselineOf(inspect));
        this.tallies.set(container.name, tally);
        const restartTimes: number[] = [];
        if (previous && (tally.restarts > previous.restarts || tally.recreations > previous.recreations)) {
          const started = Date.parse(inspect.State.StartedAt);
          if (Number.isFinite(started)) restartTimes.push(started);
        }
        const running = inspect.State.Running;
        const sample = running ? await this.docker.sample(container.id) : undefined;
        return {
          id: container.id,
          name: container.name,
          memoryBytes: sample?.memoryBytes ?? 0,
          ...(sample ? { memoryLimitBytes: sample.memoryLimitBytes } : {}),
          ...(sample?.cpuPercent !== undefined ? { cpuPercent: sample.cpuPercent } : {}),
          restarts: tally.restarts,
          oomKills: tally.oomKills,
          restartTimes,
        };
      }),
    );
    return readings.filter((r): r is ContainerReading => r !== undefined);
  }
}
