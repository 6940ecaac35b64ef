import type { DockerStatsJson } from './statsJson';

/** A container's memory as `docker stats` shows it (MEM USAGE / LIMIT and MEM %). */
export interface MemoryUsage {
  /** MEM USAGE: the cgroup's usage minus the inactive page cache, in bytes. */
  readonly usedBytes: number;
  /** LIMIT: the cgroup's limit in bytes (the host's memory when the container has none; 0 on Windows). */
  readonly limitBytes: number;
  /** MEM %: usedBytes / limitBytes × 100; 0 when the limit is 0, as the Docker CLI does. */
  readonly percent: number;
}

/**
 * MEM USAGE exactly as the Docker CLI computes it (`calculateMemUsageUnixNoCache` in
 * docker/cli `cli/command/container/stats_helpers.go`):
 *
 * - cgroup v1: `usage − stats.total_inactive_file` when that key is present and smaller than usage;
 * - otherwise (cgroup v2, where the key is absent): `usage − stats.inactive_file` when smaller;
 * - otherwise `usage` itself.
 *
 * MEM % = used / limit × 100 (0 when the limit is 0). On Windows the CLI shows the private working
 * set with no limit, and so does this.
 *
 * Returns undefined when the stats carry no memory figures (a stopped container answers with
 * `memory_stats: {}`): no data, not zero.
 */
export function memoryUsage(stats: DockerStatsJson): MemoryUsage | undefined {
  const memory = stats.memory_stats;
  if (stats.os_type === 'windows') {
    const used = memory?.privateworkingset;
    return used === undefined ? undefined : { usedBytes: used, limitBytes: 0, percent: 0 };
  }
  const usage = memory?.usage;
  if (usage === undefined) return undefined;
  const limit = memory?.limit ?? 0;
  const used = usageWithoutCache(usage, memory?.stats ?? {});
  return { usedBytes: used, limitBytes: limit, percent: limit !== 0 ? (used / limit) * 100 : 0 };
}

function usageWithoutCache(usage: number, counters: Readonly<Partial<Record<string, number>>>): number {
  const v1InactiveFile = counters['total_inactive_file'];
  if (v1InactiveFile !== undefined && v1InactiveFile < usage) return usage - v1InactiveFile;
  // The CLI reads a missing key as 0, which is smaller than any non-zero usage.
  const inactiveFile = counters['inactive_file'] ?? 0;
  if (inactiveFile < usage) return usage - inactiveFile;
  return usage;
}
