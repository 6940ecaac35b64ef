import * as assert from 'node:assert/strict';
import type { ContainerStats } from 'dockerode';
import { memoryUsage } from '../../../src/core/containers';
import type { DockerStatsJson } from '../../../src/core/containers';
import { CGROUP_V1_STATS, CGROUP_V2_STATS, ONE_SHOT_STATS, STOPPED_STATS } from './statsFixtures';

const MiB = 1024 * 1024;

/** A whole answer of Docker 20.10 (cgroup v1) for an idle container, as dockerode returns it. */
const REAL_ANSWER = JSON.parse(
  '{"read":"2026-11-28T15:22:30.722379698Z","preread":"2026-11-28T15:22:29.695893087Z","pids_stats":{"current":7},' +
    '"blkio_stats":{"io_service_bytes_recursive":[]},"num_procs":0,"storage_stats":{},' +
    '"cpu_stats":{"cpu_usage":{"total_usage":154725477,"percpu_usage":[30689501,124035976],"usage_in_kernelmode":60000000,"usage_in_usermode":90000000},"system_cpu_usage":19292890000000,"online_cpus":2,"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},' +
    '"precpu_stats":{"cpu_usage":{"total_usage":154725477,"percpu_usage":[30689501,124035976],"usage_in_kernelmode":60000000,"usage_in_usermode":90000000},"system_cpu_usage":19290880000000,"online_cpus":2,"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},' +
    '"memory_stats":{"usage":74797056,"max_usage":75124736,"stats":{"active_anon":4096,"active_file":49152,"cache":49152,"inactive_anon":73814016,"inactive_file":0,"rss":73818112,"total_active_file":49152,"total_cache":49152,"total_inactive_anon":73814016,"total_inactive_file":0,"total_rss":73818112},"limit":25276510208},' +
    '"name":"/dexp1","id":"9ce5279dfb418f8aa17b11563a8afcd1a31d41905032202110d2ba976fa80a5a"}',
) as ContainerStats;

function withMemory(memory_stats: DockerStatsJson['memory_stats'], os_type?: string): DockerStatsJson {
  return { ...(os_type ? { os_type } : {}), memory_stats };
}

describe('memoryUsage (Docker CLI MEM USAGE)', () => {
  it("reads a whole engine answer typed as @types/dockerode's ContainerStats", () => {
    assert.deepEqual(memoryUsage(REAL_ANSWER), { usedBytes: 74_797_056, limitBytes: 25_276_510_208, percent: (74_797_056 / 25_276_510_208) * 100 });
  });

  it('cgroup v1: subtracts total_inactive_file (not the cgroup-local inactive_file)', () => {
    const usage = memoryUsage(CGROUP_V1_STATS);
    assert.deepEqual(usage, { usedBytes: 100 * MiB, limitBytes: 512 * MiB, percent: (100 / 512) * 100 });
  });

  it('cgroup v2: subtracts inactive_file', () => {
    const usage = memoryUsage(CGROUP_V2_STATS);
    assert.deepEqual(usage, { usedBytes: 74 * MiB, limitBytes: 256 * MiB, percent: (74 / 256) * 100 });
  });

  it('a container with no page cache: usage as charged (real one-shot answer)', () => {
    const usage = memoryUsage(ONE_SHOT_STATS);
    assert.equal(usage?.usedBytes, 75_649_024);
    assert.equal(usage?.limitBytes, 25_276_510_208);
    assert.ok(Math.abs((usage?.percent ?? 0) - 0.2993) < 0.0001);
  });

  it('cgroup v1 with total_inactive_file not below usage falls through to inactive_file, as the CLI does', () => {
    const usage = memoryUsage(withMemory({ usage: 1000, limit: 4000, stats: { total_inactive_file: 1000, inactive_file: 200 } }));
    assert.equal(usage?.usedBytes, 800);
    assert.equal(usage?.percent, 20);
  });

  it('keeps the usage when inactive_file is not below it', () => {
    assert.equal(memoryUsage(withMemory({ usage: 1000, limit: 4000, stats: { inactive_file: 1000 } }))?.usedBytes, 1000);
    assert.equal(memoryUsage(withMemory({ usage: 1000, limit: 4000, stats: { inactive_file: 5000 } }))?.usedBytes, 1000);
  });

  it('keeps the usage when there are no counters at all', () => {
    assert.equal(memoryUsage(withMemory({ usage: 4096, limit: 8192 }))?.usedBytes, 4096);
  });

  it('MEM % is 0 when the limit is 0 (no division by zero)', () => {
    assert.deepEqual(memoryUsage(withMemory({ usage: 4096, limit: 0 })), { usedBytes: 4096, limitBytes: 0, percent: 0 });
  });

  it('no data for a stopped container (memory_stats {})', () => {
    assert.equal(memoryUsage(STOPPED_STATS), undefined);
    assert.equal(memoryUsage({}), undefined);
  });

  it('Windows: the private working set, no limit', () => {
    const stats = withMemory({ privateworkingset: 52_428_800, usage: 999 }, 'windows');
    assert.deepEqual(memoryUsage(stats), { usedBytes: 52_428_800, limitBytes: 0, percent: 0 });
    assert.equal(memoryUsage(withMemory({ usage: 999 }, 'windows')), undefined);
  });
});
