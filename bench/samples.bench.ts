/**
 * Figures for the bounded sample store and the trend fit (no assertions): ingest cost per
 * sample, the memory of a full 24 h at 1 s store for six series, downsampling a day for a
 * chart, and Theil–Sen on an hour at 1 s.
 */
import { performance } from 'node:perf_hooks';
import { RingSeries, SeriesStore, downsample } from '../src/core/samples';
import type { Sample } from '../src/core/samples';
import { memoryTrend, theilSen } from '../src/core/trend';
import { measure, round } from './measure';

const T0 = Date.UTC(2025, 0, 1);
const DAY_SECONDS = 86_400;
const KEYS = ['staging/memory_usage/web-1', 'staging/memory_usage/web-2', 'staging/cpu_usage/web-1', 'staging/cpu_usage/web-2', 'staging/error_rate', 'staging/response_time_p95'];

/** `global.gc` when node runs with --expose-gc. */
function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return false;
  gc();
  gc();
  return true;
}

function ingest(samples: number): number {
  const store = new SeriesStore();
  const start = performance.now();
  let t = T0;
  for (let i = 0; i < samples; i++) {
    const k = i % KEYS.length;
    if (k === 0) t += 1000;
    store.append(KEYS[k] ?? '', t, 1e8 + (i & 1023));
  }
  const ms = performance.now() - start;
  if (store.size !== KEYS.length) throw new Error('bench: unexpected store size');
  return (ms * 1e6) / samples;
}

function fullDayMemory(): Record<string, unknown> {
  const gcAvailable = collectGarbage();
  const before = process.memoryUsage();
  const store = new SeriesStore();
  for (let s = 0; s < DAY_SECONDS; s++) {
    for (const key of KEYS) store.append(key, T0 + s * 1000, 1e8 + s);
  }
  collectGarbage();
  const after = process.memoryUsage();
  const mib = (bytes: number): number => round(bytes / 2 ** 20, 2);
  const full = store.keys().every((k) => store.get(k)?.size === DAY_SECONDS);
  return {
    series: store.size,
    samplesPerSeries: DAY_SECONDS,
    full,
    totalBytesMiB: mib(store.totalBytes()),
    maxBytesMiBAtDefaultBound: mib(store.maxBytes()),
    gcAvailable,
    note: gcAvailable ? 'deltas after global.gc()' : 'run node with --expose-gc for a heap delta after collection; arrayBuffers is exact either way',
    arrayBuffersDeltaMiB: mib(after.arrayBuffers - before.arrayBuffers),
    externalDeltaMiB: mib(after.external - before.external),
    heapUsedDeltaMiB: mib(after.heapUsed - before.heapUsed),
    rssDeltaMiB: mib(after.rss - before.rss),
  };
}

function dayAtOneSecond(): RingSeries {
  const series = new RingSeries(DAY_SECONDS);
  for (let s = 0; s < DAY_SECONDS; s++) series.append(T0 + s * 1000, 1e8 + Math.sin(s / 60) * 1e6 + (s % 997 === 0 ? 5e7 : 0));
  return series;
}

function hourOfMemory(): Sample[] {
  const points: Sample[] = [];
  for (let s = 0; s < 3600; s++) points.push({ t: T0 + s * 1000, v: 2e8 + 3400 * s + ((s * 7919) % 2003) * 1000 });
  return points;
}

/** The `samples` bench suite (register it in bench/index.ts as `samples: benchSamples`). */
export function benchSamples(): Record<string, unknown> {
  const samples = 10_000_000;
  ingest(1_000_000); // warm-up
  const runs = [ingest(samples), ingest(samples), ingest(samples)].sort((a, b) => a - b);

  const day = dayAtOneSecond();
  const to = T0 + (DAY_SECONDS - 1) * 1000;
  const hour = hourOfMemory();
  return {
    ingest: { samples, series: KEYS.length, nsPerSampleMedian: round(runs[1] ?? NaN, 1), nsPerSampleMin: round(runs[0] ?? NaN, 1) },
    fullDaySixSeries: fullDayMemory(),
    downsampleDayTo2000: { points: day.size, buckets: downsample(day, T0, to, 2000).length, ...measure(() => downsample(day, T0, to, 2000), 50) },
    theilSen3600: { points: hour.length, ...measure(() => theilSen(hour), 50) },
    memoryTrend3600: { points: hour.length, ...measure(() => memoryTrend(hour), 50) },
  };
}
