import * as assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Runbook, RunbookCommand, SectionNode } from '../../../src/core/runbook';
import { parseRunbook, walk } from '../../../src/core/runbook';
import type { CommandInfo, PlannedCommand, RunEventInput, RunRecord } from '../../../src/core/run';
import { createRunRecord, reduce } from '../../../src/core/run';
import { SEED_RUNBOOK } from '../../repoPaths';

let seed: Runbook | undefined;

/** The seed runbook, parsed once. */
export function seedRunbook(): Runbook {
  return (seed ??= parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8')));
}

/** The section whose label starts with `label`. */
export function section(runbook: Runbook, label: string): SectionNode {
  for (const node of walk(runbook.children)) if (node.kind === 'section' && node.label.startsWith(label)) return node;
  assert.fail(`no section starting with "${label}"`);
}

export const T0 = new Date('2025-10-20T14:00:00.000Z');

/** T0 plus seconds. */
export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

export function newRecord(overrides: Partial<Parameters<typeof createRunRecord>[0]> = {}): RunRecord {
  return createRunRecord(
    {
      id: '2025-10-20T14-00-00.000Z-test01',
      runbook: { path: 'docs/DEPLOY.md', sha256: 'a'.repeat(64), title: 'Phase 8' },
      operator: 'alice',
      environment: 'production',
      git: { commit: '0123456789abcdef0123456789abcdef01234567', branch: 'master' },
      ...overrides,
    },
    T0,
  );
}

export function info(command: RunbookCommand | PlannedCommand, stepId?: string): CommandInfo {
  const c = 'command' in command ? command.command : command;
  const step = stepId ?? ('command' in command ? command.stepId : 'step');
  return { commandId: c.id, stepId: step, label: c.label, text: c.text };
}

/** Applies events one second apart from `start` seconds after T0. */
export function replay(record: RunRecord, events: readonly RunEventInput[], start = 1): RunRecord {
  return events.reduce((r, e, i) => reduce(r, e, at(start + i)), record);
}

/** A command built from text, as the runbook parser would (a one-block runbook). */
export function commandsOf(...texts: string[]): RunbookCommand[] {
  const rb = parseRunbook(['## Step', '', '```bash', ...texts, '```'].join('\n'));
  const out: RunbookCommand[] = [];
  for (const node of walk(rb.children)) if (node.kind === 'code') out.push(...node.commands);
  return out;
}

/** A temp folder removed after the suite. */
export function tempFolders(): { make(): Promise<string> } {
  const made: string[] = [];
  after(async () => {
    await Promise.all(made.map((d) => fs.rm(d, { recursive: true, force: true })));
  });
  return {
    async make() {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'deploy-pilot-runs-'));
      made.push(dir);
      return dir;
    },
  };
}

/** Deep-freezes a value so a test fails if anything mutates it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
