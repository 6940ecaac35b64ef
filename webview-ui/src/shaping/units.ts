/**
 * Display units and number formatting. Wire values arrive in the chart's canonical unit
 * (bytes, ratio 0..1, ms: see src/shared/dashboardProtocol.ts); the charts, thresholds and
 * tables show MiB, percent and ms. Sizes follow IEC (1 MiB = 2^20 B), as the memory trend does.
 */
import type { ChartUnit } from '../../../src/shared/dashboardProtocol';

export type DisplayUnit = 'MiB' | '%' | 'ms';

const DISPLAY: Readonly<Record<ChartUnit, { readonly unit: DisplayUnit; readonly factor: number }>> = {
  B: { unit: 'MiB', factor: 1 / 2 ** 20 },
  ratio: { unit: '%', factor: 100 },
  ms: { unit: 'ms', factor: 1 },
};

export function displayUnitOf(unit: ChartUnit): DisplayUnit {
  return DISPLAY[unit].unit;
}

/** Multiply a wire value by this for its display value: bytes → MiB, ratio → %. */
export function displayFactor(unit: ChartUnit): number {
  return DISPLAY[unit].factor;
}

/** A wire value in its display unit: 0.0123 ratio → 1.23 (%), 2^29 B → 512 (MiB). */
export function toDisplay(value: number, unit: ChartUnit): number {
  return value * DISPLAY[unit].factor;
}

/** Three significant digits below 1,000, whole numbers above: 0.125, 1.24, 41.2, 412, 1234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1000) return String(Math.round(value));
  if (abs < 0.001) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

/** "412 MiB", "1.24 %", "856 ms"; "—" for no value. */
export function formatValue(value: number | null | undefined, unit: DisplayUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumber(value)} ${unit}`;
}

/** A duration for people: "45 s", "12 min", "1 h 30 min", "19 h", "3 d". Negative counts as 0. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 10 * 3600) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s - h * 3600) / 60);
    if (m === 60) return `${h + 1} h`;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}
