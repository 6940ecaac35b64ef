// npm run screenshots — copies the README's screenshots from the last e2e run of the demo flow
// (test/e2e/demoFlow.e2e.test.ts → test-results/e2e/flow-*.png) to docs/images/, scaled to
// 1000 px wide when ImageMagick's `convert` is there (smaller files), else as they are.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

const SHOTS = ['flow-06-confirm-destructive', 'flow-08-dashboard-staging', 'flow-10-alert-countdown', 'flow-11-rolled-back'];
const from = join(repoRoot, 'test-results', 'e2e');
const to = join(repoRoot, 'docs', 'images');
mkdirSync(to, { recursive: true });
const version = spawnSync('convert', ['-version'], { encoding: 'utf8' });
const convert = version.status === 0 && /ImageMagick/.test(version.stdout ?? '') && !/stand-in/i.test(version.stdout ?? '');
let missing = 0;
for (const name of SHOTS) {
  const source = join(from, `${name}.png`);
  const target = join(to, `${name.replace(/^flow-/, 'demo-')}.png`);
  if (!existsSync(source)) {
    console.error(`missing ${source}: run \`npm run test:e2e -- --grep "the demo, end to end"\` first`);
    missing += 1;
    continue;
  }
  const scaled = convert && spawnSync('convert', [source, '-resize', '1000x', '-strip', '-colors', '256', target], { stdio: 'inherit' }).status === 0;
  if (!scaled) copyFileSync(source, target);
  console.log(`${target} (${Math.round(statSync(target).size / 1024)} KB)`);
}
process.exit(missing > 0 ? 1 : 0);
