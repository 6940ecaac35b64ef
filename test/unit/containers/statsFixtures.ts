/**
 * Stats answers in the engine's own shapes (`GET /containers/{id}/stats?stream=false`), trimmed of
 * blkio/network sections. The cgroup v1 ones follow what Docker 20.10 on cgroup v1 answered on the
 * test machine; the cgroup v2 one follows Docker 24 on a cgroup v2 host (no `total_*` keys, no
 * `percpu_usage`). Page-cache figures were set so that each formula branch is visible.
 */
import type { DockerStatsJson } from '../../../src/core/containers';

const MiB = 1024 * 1024;

/** cgroup v1, 150 MiB charged of which 50 MiB inactive page cache (hierarchy total), 512 MiB limit. */
export const CGROUP_V1_STATS: DockerStatsJson = {
  read: '2026-11-28T15:22:30.722379698Z',
  preread: '2026-11-28T15:22:29.695893087Z',
  cpu_stats: {
    cpu_usage: { total_usage: 3_154_725_477, percpu_usage: [1_530_689_501, 1_624_035_976] },
    system_cpu_usage: 19_292_890_000_000,
    online_cpus: 2,
  },
  precpu_stats: {
    cpu_usage: { total_usage: 2_154_725_477, percpu_usage: [1_030_689_501, 1_124_035_976] },
    system_cpu_usage: 19_290_890_000_000,
    online_cpus: 2,
  },
  memory_stats: {
    usage: 150 * MiB,
    limit: 512 * MiB,
    stats: {
      active_anon: 4096,
      active_file: 3 * MiB,
      cache: 53 * MiB,
      hierarchical_memory_limit: 512 * MiB,
      inactive_anon: 96 * MiB,
      // The cgroup's own counter; the CLI uses the hierarchy total below on cgroup v1.
      inactive_file: 40 * MiB,
      rss: 96 * MiB,
      total_active_file: 3 * MiB,
      total_cache: 53 * MiB,
      total_inactive_anon: 96 * MiB,
      total_inactive_file: 50 * MiB,
      total_rss: 96 * MiB,
    },
  },
};

/** cgroup v2, 86 MiB charged of which 12 MiB inactive page cache, 256 MiB limit, 4 CPUs. */
export const CGROUP_V2_STATS: DockerStatsJson = {
  read: '2026-11-28T16:01:02.123456789Z',
  preread: '2026-11-28T16:01:01.120001234Z',
  cpu_stats: {
    cpu_usage: { total_usage: 912_000_000 },
    system_cpu_usage: 5_000_004_000_000_000,
    online_cpus: 4,
  },
  precpu_stats: {
    cpu_usage: { total_usage: 412_000_000 },
    system_cpu_usage: 5_000_000_000_000_000,
    online_cpus: 4,
  },
  memory_stats: {
    usage: 86 * MiB,
    limit: 256 * MiB,
    stats: {
      active_anon: 4096,
      active_file: 2 * MiB,
      anon: 72 * MiB,
      file: 14 * MiB,
      file_mapped: 3 * MiB,
      inactive_anon: 72 * MiB,
      inactive_file: 12 * MiB,
      kernel_stack: 16384,
      slab: 238704,
      sock: 0,
      unevictable: 0,
    },
  },
};

/** A one-shot answer (`one-shot=true`): `precpu_stats` has no counters. */
export const ONE_SHOT_STATS: DockerStatsJson = {
  read: '2026-11-28T15:16:33.789920474Z',
  preread: '0001-01-01T00:00:00Z',
  cpu_stats: {
    cpu_usage: { total_usage: 134_512_842, percpu_usage: [90_664_387, 43_848_455] },
    system_cpu_usage: 18_584_790_000_000,
    online_cpus: 2,
  },
  precpu_stats: { cpu_usage: { total_usage: 0 } },
  memory_stats: {
    usage: 75_649_024,
    limit: 25_276_510_208,
    stats: { total_inactive_file: 0, inactive_file: 0, total_rss: 73_887_744 },
  },
};

/** What the engine answers for a stopped container. */
export const STOPPED_STATS: DockerStatsJson = {
  read: '0001-01-01T00:00:00Z',
  preread: '0001-01-01T00:00:00Z',
  cpu_stats: { cpu_usage: { total_usage: 0 } },
  precpu_stats: { cpu_usage: { total_usage: 0 } },
  memory_stats: {},
};
