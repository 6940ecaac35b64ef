/**
 * The parts of the Docker Engine stats JSON (`GET /containers/{id}/stats`) that Deploy Pilot reads.
 *
 * Every field is optional on purpose: the engine omits fields depending on the cgroup version
 * (cgroup v2 has no `total_*` keys and no `percpu_usage`), on one-shot requests (`precpu_stats` is
 * empty) and on stopped containers (`memory_stats` is `{}`). `ContainerStats` of @types/dockerode
 * (which marks them all required) is assignable to this type.
 */
export interface DockerStatsJson {
  /** RFC 3339 time of this sample (engine clock). */
  readonly read?: string;
  /** RFC 3339 time of the previous sample; `0001-01-01T00:00:00Z` when there is none. */
  readonly preread?: string;
  /** `linux` or `windows` (API ≥ 1.21 on Windows hosts). */
  readonly os_type?: string;
  readonly memory_stats?: DockerMemoryStats;
  readonly cpu_stats?: DockerCpuStats;
  /** The previous sample's CPU counters, as the engine kept them (empty on a one-shot request). */
  readonly precpu_stats?: DockerCpuStats;
}

export interface DockerMemoryStats {
  /** Bytes charged to the container's cgroup, page cache included. */
  readonly usage?: number;
  /** The cgroup's limit (the host's memory when the container has none). */
  readonly limit?: number;
  /** Raw cgroup `memory.stat` counters: `total_inactive_file` (v1) or `inactive_file` (v2), … */
  readonly stats?: Readonly<Partial<Record<string, number>>>;
  /** Windows only: the private working set, which the Docker CLI shows as MEM USAGE there. */
  readonly privateworkingset?: number;
}

export interface DockerCpuStats {
  readonly cpu_usage?: {
    /** Nanoseconds of CPU time the container used, all CPUs together. */
    readonly total_usage?: number;
    /** Per-CPU nanoseconds (cgroup v1 only). */
    readonly percpu_usage?: readonly number[];
  };
  /** Nanoseconds of CPU time the whole host used (all CPUs) since boot. */
  readonly system_cpu_usage?: number;
  /** CPUs online (API ≥ 1.27); 0 or absent on old engines. */
  readonly online_cpus?: number;
}
