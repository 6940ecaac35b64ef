import * as assert from 'node:assert/strict';
import { cpuPercent, cpuPercentBetween } from '../../../src/core/containers';
import type { DockerCpuStats, DockerStatsJson } from '../../../src/core/containers';
import { CGROUP_V1_STATS, CGROUP_V2_STATS, ONE_SHOT_STATS, STOPPED_STATS } from './statsFixtures';

function cpu(total: number, system: number, online?: number, percpu?: number[]): DockerCpuStats {
  return {
    cpu_usage: { total_usage: total, ...(percpu ? { percpu_usage: percpu } : {}) },
    system_cpu_usage: system,
    ...(online !== undefined ? { online_cpus: online } : {}),
  };
}

describe('cpuPercent (Docker CLI CPU %)', () => {
  it('cgroup v1: Δcontainer / Δsystem × online CPUs × 100 (1 s of CPU over 1 s on 2 CPUs = 100 %)', () => {
    // Δcpu 1e9 ns, Δsystem 2e9 ns (2 CPUs × 1 s), 2 CPUs.
    assert.equal(cpuPercent(CGROUP_V1_STATS), 100);
  });

  it('cgroup v2 (no percpu_usage): uses online_cpus', () => {
    // Δcpu 0.5e9, Δsystem 4e9, 4 CPUs → 50 %.
    assert.equal(cpuPercent(CGROUP_V2_STATS), 50);
  });

  it('falls back to the length of percpu_usage when online_cpus is missing or 0', () => {
    const stats: DockerStatsJson = { precpu_stats: cpu(0, 1_000), cpu_stats: cpu(250, 2_000, undefined, [1, 2, 3, 4]) };
    assert.equal(cpuPercent(stats), 100);
    const zero: DockerStatsJson = { precpu_stats: cpu(0, 1_000), cpu_stats: cpu(250, 2_000, 0, [1, 2]) };
    assert.equal(cpuPercent(zero), 50);
  });

  it('can exceed 100 % (busy on several CPUs)', () => {
    const stats: DockerStatsJson = { precpu_stats: cpu(0, 0 + 1), cpu_stats: cpu(3_000, 4_001, 4) };
    assert.equal(cpuPercent(stats), 300);
  });

  it('is 0 when the container used no CPU, or the system counter did not advance (as the CLI)', () => {
    assert.equal(cpuPercent({ precpu_stats: cpu(500, 1_000), cpu_stats: cpu(500, 2_000, 2) }), 0);
    assert.equal(cpuPercent({ precpu_stats: cpu(500, 1_000), cpu_stats: cpu(900, 1_000, 2) }), 0);
  });

  it('is undefined without a previous sample (one-shot) and for a stopped container', () => {
    assert.equal(cpuPercent(ONE_SHOT_STATS), undefined);
    assert.equal(cpuPercent(STOPPED_STATS), undefined);
  });

  it('is undefined when the number of CPUs is unknown', () => {
    assert.equal(cpuPercent({ precpu_stats: cpu(0, 1_000), cpu_stats: cpu(250, 2_000) }), undefined);
  });

  it('is undefined for Windows containers (another formula there)', () => {
    assert.equal(cpuPercent({ ...CGROUP_V1_STATS, os_type: 'windows' }), undefined);
  });
});

describe('cpuPercentBetween (two separate samples)', () => {
  const first: DockerStatsJson = { cpu_stats: cpu(1_000_000_000, 10_000_000_000, 2), precpu_stats: {} };
  const second: DockerStatsJson = { cpu_stats: cpu(1_500_000_000, 14_000_000_000, 2), precpu_stats: {} };

  it('compares the cpu_stats of the earlier and the later answer', () => {
    // Δcpu 0.5e9 over Δsystem 4e9 on 2 CPUs → 25 %.
    assert.equal(cpuPercentBetween(first, second), 25);
  });

  it('works on one-shot answers, which carry no precpu_stats', () => {
    const later: DockerStatsJson = { ...ONE_SHOT_STATS, cpu_stats: cpu(134_512_842 + 20_000_000, 18_584_790_000_000 + 2_000_000_000, 2) };
    assert.equal(cpuPercentBetween(ONE_SHOT_STATS, later), 2);
  });

  it('is undefined when the container counter went backwards (restarted in between)', () => {
    const restarted: DockerStatsJson = { cpu_stats: cpu(10_000, 15_000_000_000, 2) };
    assert.equal(cpuPercentBetween(second, restarted), undefined);
  });

  it('is undefined when the system counter did not advance or a sample has none', () => {
    assert.equal(cpuPercentBetween(second, second), undefined);
    assert.equal(cpuPercentBetween(second, first), undefined);
    assert.equal(cpuPercentBetween(STOPPED_STATS, second), undefined);
    assert.equal(cpuPercentBetween(first, STOPPED_STATS), undefined);
  });
});
