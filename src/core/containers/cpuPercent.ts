import type { DockerCpuStats, DockerStatsJson } from './statsJson';

/**
 * CPU % exactly as the Docker CLI computes it (`calculateCPUPercentUnix` in docker/cli
 * `cli/command/container/stats_helpers.go`), between `precpu_stats` and `cpu_stats` of one stats
 * answer:
 *
 *   Δ cpu_usage.total_usage / Δ system_cpu_usage × online CPUs × 100
 *
 * with online CPUs = `online_cpus`, or the length of `percpu_usage` on engines that do not send
 * it. 100 % is one full CPU; a container busy on two CPUs shows 200 %. Like the CLI, 0 when either
 * delta is not positive.
 *
 * Differs from the CLI in one case: undefined (no data) instead of 0 when there is no previous
 * sample — a one-shot request (`one-shot=true`) or the first frame of a stream leaves
 * `precpu_stats` empty — and when the number of CPUs is unknown (the CLI multiplies by 0 there).
 * Linux containers only: undefined for `os_type: windows`.
 */
export function cpuPercent(stats: DockerStatsJson): number | undefined {
  if (stats.os_type === 'windows') return undefined;
  const previous = stats.precpu_stats;
  if (!previous?.system_cpu_usage) return undefined;
  return percentBetween(previous, stats.cpu_stats, false);
}

/**
 * CPU % between two separate stats answers of the same container (e.g. two one-shot samples taken
 * one polling interval apart), with the CLI's formula using `earlier.cpu_stats` as the previous
 * sample. Undefined when either sample lacks counters, when the system counter did not advance,
 * and when the container's counter went backwards (the container restarted in between and its
 * cgroup counters started again from 0).
 */
export function cpuPercentBetween(earlier: DockerStatsJson, later: DockerStatsJson): number | undefined {
  if (earlier.os_type === 'windows' || later.os_type === 'windows') return undefined;
  const previous = earlier.cpu_stats;
  if (!previous?.system_cpu_usage || !later.cpu_stats?.system_cpu_usage) return undefined;
  if ((later.cpu_stats.system_cpu_usage ?? 0) <= previous.system_cpu_usage) return undefined;
  return percentBetween(previous, later.cpu_stats, true);
}

function percentBetween(previous: DockerCpuStats, current: DockerCpuStats | undefined, strict: boolean): number | undefined {
  const cpuDelta = (current?.cpu_usage?.total_usage ?? 0) - (previous.cpu_usage?.total_usage ?? 0);
  const systemDelta = (current?.system_cpu_usage ?? 0) - (previous.system_cpu_usage ?? 0);
  if (strict && cpuDelta < 0) return undefined;
  const onlineCpus = current?.online_cpus || current?.cpu_usage?.percpu_usage?.length || 0;
  if (onlineCpus === 0) return undefined;
  if (systemDelta > 0 && cpuDelta > 0) return (cpuDelta / systemDelta) * onlineCpus * 100;
  return 0;
}
