/**
 * Functions that run inside the harness page (Playwright serialises them with toString, so
 * they must be self-contained: no imports, no outer variables). They generate the bench data
 * in the page (shipping 700,000 numbers over the DevTools protocol would cost more than what is
 * measured) and time the dashboard with performance.now().
 */

/** What the page exposes (the harness stub and the DOM), typed for this file only. */
interface PageGlobals {
  __posted: { type: string }[];
  __violations: string[];
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: string, listener: (event: { detail: DrawnDetail }) => void): void;
  removeEventListener(type: string, listener: (event: { detail: DrawnDetail }) => void): void;
  requestAnimationFrame(callback: (t: number) => void): number;
  performance: { now(): number; memory?: { usedJSHeapSize: number } };
  __benchInit?: unknown;
  __benchLastT?: number;
}

interface DrawnDetail {
  readonly reason: 'init' | 'update';
  readonly workMs: number;
  readonly at: number;
  readonly charts: number;
}

export interface FirstRenderSample {
  /** From just before `postMessage(init)` to the last chart's draw hook. */
  readonly postToDrawnMs: number;
  /** The dashboard's own figure: handler start to last draw. */
  readonly workMs: number;
  /** From the post to the next animation frame after drawing (the pixels are on screen by then). */
  readonly postToNextFrameMs: number;
  readonly heapMiB: number | null;
}

export interface UpdateSamples {
  readonly workMs: number[];
  /** Post to drawn, including the wait for the animation frame the update is drawn in. */
  readonly postToDrawnMs: number[];
}

export interface BenchDataSpec {
  /** Points per series. */
  readonly points: number;
  /** 'charts': four charts of one series; 'series': one chart of four series. */
  readonly layout: 'charts' | 'series';
  /** Float64Array columns (what the host should send) or plain arrays. */
  readonly columns: 'float64' | 'array';
  readonly now: number;
  readonly drawnEvent: string;
}

/** Builds the `init` for the bench in the page and keeps it on `window.__benchInit`. */
export function prepareInit(spec: BenchDataSpec): number {
  const g = globalThis as unknown as PageGlobals;
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const column = (base: number, amp: number): { times: Float64Array | number[]; values: Float64Array | number[] } => {
    const times = spec.columns === 'float64' ? new Float64Array(spec.points) : new Array<number>(spec.points);
    const values = spec.columns === 'float64' ? new Float64Array(spec.points) : new Array<number>(spec.points);
    const start = spec.now - (spec.points - 1) * 1000;
    for (let i = 0; i < spec.points; i++) {
      times[i] = start + i * 1000;
      values[i] = base + Math.sin(i / 600) * amp + rnd() * amp * 0.3;
    }
    return { times, values };
  };
  const kinds = [
    { kind: 'memory', unit: 'B', title: 'Memory', base: 3e8, amp: 2e7, thr: 5.12e8 },
    { kind: 'errorRate', unit: 'ratio', title: 'Error rate', base: 0.004, amp: 0.003, thr: 0.01 },
    { kind: 'latencyP95', unit: 'ms', title: 'Response time p95', base: 500, amp: 200, thr: 1000 },
    { kind: 'healthLatency', unit: 'ms', title: 'Health-check latency', base: 15, amp: 5, thr: 0 },
  ] as const;
  const charts =
    spec.layout === 'charts'
      ? kinds.map((k, i) => ({
          key: `bench/${k.kind}`,
          kind: k.kind,
          title: k.title,
          unit: k.unit,
          gapMs: 5000,
          series: [{ key: `bench/s${i}`, label: k.title, ...column(k.base, k.amp) }],
          thresholds: k.thr > 0 ? [{ value: k.thr, label: `threshold ${k.thr}`, comparator: '>' }] : [],
          firing: [{ from: spec.now - 3_600_000, to: spec.now - 3_000_000 }],
        }))
      : [
          {
            key: 'bench/memory',
            kind: 'memory',
            title: 'Memory',
            unit: 'B',
            gapMs: 5000,
            series: [0, 1, 2, 3].map((i) => ({ key: `bench/s${i}`, label: `web-${i + 1}`, ...column(3e8 + i * 3e7, 2e7) })),
            thresholds: [{ value: 5.12e8, label: 'memory_usage > 512MB', comparator: '>' }],
            firing: [],
          },
        ];
  g.__benchInit = {
    type: 'init',
    protocol: 1,
    environments: [{ name: 'bench', monitoring: true }],
    environment: 'bench',
    window: '24h',
    now: spec.now,
    charts,
    markers: [{ t: spec.now - 7_200_000, label: 'deploy', kind: 'deploy' }],
  };
  g.__benchLastT = spec.now;
  return charts.length;
}

/** Posts `window.__benchInit` and resolves when every chart has drawn. */
export async function postInitAndWait(drawnEvent: string): Promise<FirstRenderSample> {
  const g = globalThis as unknown as PageGlobals;
  const init = g.__benchInit;
  const drawn = new Promise<DrawnDetail>((resolve) => {
    const listener = (event: { detail: DrawnDetail }): void => {
      if (event.detail.reason !== 'init') return;
      g.removeEventListener(drawnEvent, listener);
      resolve(event.detail);
    };
    g.addEventListener(drawnEvent, listener);
  });
  const start = g.performance.now();
  g.postMessage(init, '*');
  const detail = await drawn;
  const frame = await new Promise<number>((resolve) => g.requestAnimationFrame(() => resolve(g.performance.now())));
  const heap = g.performance.memory?.usedJSHeapSize;
  return {
    postToDrawnMs: detail.at - start,
    workMs: detail.workMs,
    postToNextFrameMs: frame - start,
    heapMiB: heap === undefined ? null : Math.round((heap / 2 ** 20) * 10) / 10,
  };
}

/** Posts `count` appends of one new point per series (1 s apart), one at a time, and times each. */
export async function postAppendsAndWait(args: { count: number; seriesKeys: string[]; drawnEvent: string }): Promise<UpdateSamples> {
  const g = globalThis as unknown as PageGlobals;
  const workMs: number[] = [];
  const postToDrawnMs: number[] = [];
  for (let n = 0; n < args.count; n++) {
    const t = (g.__benchLastT ?? 0) + 1000;
    g.__benchLastT = t;
    const points: Record<string, [number, number][]> = {};
    args.seriesKeys.forEach((key, i) => {
      points[key] = [[t, i === 1 ? 0.004 : i === 0 ? 3.1e8 : 400]];
    });
    const drawn = new Promise<DrawnDetail>((resolve) => {
      const listener = (event: { detail: DrawnDetail }): void => {
        if (event.detail.reason !== 'update') return;
        g.removeEventListener(args.drawnEvent, listener);
        resolve(event.detail);
      };
      g.addEventListener(args.drawnEvent, listener);
    });
    const start = g.performance.now();
    g.postMessage({ type: 'append', environment: 'bench', now: t, points }, '*');
    const detail = await drawn;
    workMs.push(detail.workMs);
    postToDrawnMs.push(detail.at - start);
  }
  return { workMs, postToDrawnMs };
}

/** Posts a host message as is (screenshots). */
export async function postAndWaitDrawn(args: { messages: unknown[]; drawnEvent: string }): Promise<void> {
  const g = globalThis as unknown as PageGlobals;
  const drawn = new Promise<void>((resolve) => {
    const listener = (event: { detail: DrawnDetail }): void => {
      if (event.detail.reason !== 'init') return;
      g.removeEventListener(args.drawnEvent, listener);
      resolve();
    };
    g.addEventListener(args.drawnEvent, listener);
  });
  for (const m of args.messages) g.postMessage(m, '*');
  await drawn;
}
