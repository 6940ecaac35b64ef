// npm test — every test tier in sequence (npm's `pretest` has already built and compiled):
// unit (plain Node), integration (real VS Code host in code-server), e2e (Playwright UI).
// Each tier's output is streamed; a failing tier does not stop the next one. Ends with a
// per-tier summary and one total line `N passed, N failed[, N skipped]`; exits 1 if any tier failed.
// Usage: node scripts/test-all.mjs [unit] [integration] [e2e]   (default: all three)
import { spawn } from 'node:child_process';

const TIERS = ['unit', 'integration', 'e2e'];
const selected = process.argv.slice(2);
const unknown = selected.filter((t) => !TIERS.includes(t));
if (unknown.length > 0) {
  console.error(`unknown tier(s): ${unknown.join(', ')}; expected ${TIERS.join(', ')}`);
  process.exit(2);
}
const tiers = selected.length > 0 ? TIERS.filter((t) => selected.includes(t)) : TIERS;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let current;
const forward = (signal) => {
  try {
    if (current) process.kill(-current.pid, signal);
  } catch {
    current?.kill(signal);
  }
  process.exit(130);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

/** Counts from the tier's own closing lines: ours (`N passed, N failed`) or mocha's spec reporter. */
function parseCounts(text) {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  const ours = [...plain.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].pop();
  if (ours) return { passed: +ours[1], failed: +ours[2], skipped: +(ours[3] ?? 0) };
  const mocha = (word) => {
    const m = [...plain.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].pop();
    return m ? Number(m[1]) : undefined;
  };
  const passed = mocha('passing');
  const failed = mocha('failing');
  if (passed === undefined && failed === undefined) return undefined;
  return { passed: passed ?? 0, failed: failed ?? 0, skipped: mocha('pending') ?? 0 };
}

/**
 * A tier that has not ended after this long is stopped (a leaked handle keeps mocha alive after
 * its last test): CI must end, and the summary says which tier hung.
 */
const TIER_LIMIT_MS = { unit: 8 * 60_000, integration: 12 * 60_000, e2e: 12 * 60_000 };

function runTier(tier) {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = '';
    let timedOut = false;
    current = spawn(npm, ['run', `test:${tier}`], { stdio: ['inherit', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    const child = current;
    const limit = setTimeout(() => {
      timedOut = true;
      console.error(`\n[test-all] ${tier} still running after ${TIER_LIMIT_MS[tier] / 60_000} min: stopping it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, TIER_LIMIT_MS[tier]);
    current.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    current.stderr.on('data', (chunk) => process.stderr.write(chunk));
    current.on('error', (err) => resolve({ tier, code: 1, ms: Date.now() - started, out, note: err.message }));
    current.on('close', (code, signal) => {
      clearTimeout(limit);
      const note = timedOut ? `timed out after ${TIER_LIMIT_MS[tier] / 60_000} min (a test left something running)` : signal ? `killed by ${signal}` : '';
      resolve({ tier, code: timedOut ? 1 : (code ?? 1), ms: Date.now() - started, out, note });
    });
  });
}

const results = [];
for (const tier of tiers) {
  console.log(`\n━━━ ${tier} ━━━ npm run test:${tier}\n`);
  const r = await runTier(tier);
  r.counts = parseCounts(r.out) ?? { passed: 0, failed: 0, skipped: 0 };
  if (r.code !== 0 && r.counts.failed === 0) {
    // The tier failed without a failing test to show for it (crash, no tests, compile error).
    r.counts.failed = 1;
    r.note = `${r.note} exited ${r.code} with no failing test reported; counted as 1 failure`.trim();
  }
  results.push(r);
}

console.log('\n━━━ summary ━━━');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  const { passed, failed, skipped } = r.counts;
  total.passed += passed;
  total.failed += failed;
  total.skipped += skipped;
  const status = r.code === 0 ? 'PASS' : `FAIL (exit ${r.code})`;
  const counts = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  console.log(`  ${r.tier.padEnd(12)} ${status.padEnd(14)} ${counts.padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.note}`);
}
const failedTiers = results.filter((r) => r.code !== 0).map((r) => r.tier);
console.log(failedTiers.length === 0 ? 'all test tiers passed' : `failed tiers: ${failedTiers.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(failedTiers.length === 0 ? 0 : 1);
