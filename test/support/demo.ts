// The demo generator (scripts/demo, ES modules) as the tests see it: its types, a loader, and the
// health check of a deployed demo service.
import * as path from 'node:path';
import { REPO_ROOT } from '../repoPaths';

export type DemoMode = 'docker' | 'process';
export interface DemoPorts {
  staging: number;
  production: number;
}
export interface DemoSettings {
  mode: DemoMode;
  ports: DemoPorts;
  image: string;
  project: string;
}

/** scripts/demo/templates.mjs */
export interface DemoTemplates {
  runbookText(settings: DemoSettings): string;
  composeText(settings: DemoSettings, env: 'staging' | 'production'): string;
  FEATURE_BRANCH: string;
  RELEASE_TAG: string;
  OLD_TAGS: string[];
}

/** scripts/demo/prepare.mjs */
export interface DemoGenerator {
  prepareDemo(options: { dir: string; mode?: DemoMode; ports: DemoPorts; image?: string; project?: string; force?: boolean; log?: (msg: string) => void }): Promise<{ settings: DemoSettings; workspace: string; origin: string }>;
  stopDemo(options: { dir: string; log?: (msg: string) => void }): Promise<void>;
  removeImages(settings: DemoSettings): Promise<void>;
  dockerProblem(): Promise<string | undefined>;
}

/** ESM from these CommonJS tests: tsc would turn a plain import() into require(), which cannot load ESM before Node 20.19. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a real dynamic import, out of tsc's reach (see above)
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

/** Loads a module of scripts/demo: `loadDemoModule<DemoGenerator>('prepare.mjs')`. */
export function loadDemoModule<T>(file: 'prepare.mjs' | 'templates.mjs'): Promise<T> {
  return importEsm<T>(path.join(REPO_ROOT, 'scripts', 'demo', file));
}

/** The demo service's `/health` answer, or undefined when it does not answer 2xx within 2 s. */
export async function demoHealth(port: number): Promise<{ status: string; version: string } | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? ((await response.json()) as { status: string; version: string }) : undefined;
  } catch {
    return undefined;
  }
}
