/**
 * npm run bench: performance figures, written to test-results/bench/results.json. Figures, not
 * assertions: these machines are shared and noisy, so no test fails on a timing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../test/repoPaths';
import { benchDashboard } from './dashboard/dashboard.bench';
import { benchMonitoring } from './monitoring.bench';
import { benchParse } from './parse.bench';
import { benchSamples } from './samples.bench';

const suites: Record<string, () => Record<string, unknown> | Promise<Record<string, unknown>>> = {
  parse: benchParse,
  samples: benchSamples,
  monitoring: benchMonitoring,
  dashboard: benchDashboard,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  };
  for (const [name, suite] of Object.entries(suites)) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stdout.write(`bench ${name} …\n`);
    results[name] = await suite();
    process.stdout.write(`${JSON.stringify(results[name], null, 2)}\n`);
  }
  const out = path.join(REPO_ROOT, 'test-results', 'bench', 'results.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written ${out}\n`);
}

void main();
