import type { RunbookConfig } from '../config';
import type { RunbookCommand } from '../runbook';
import { looksSecret } from '../runbook/variables';
import { isWellKnownShellVariable } from '../shell';
import { ownValue } from './ownValue';
import type { RunRecord, VariableRecord } from './runModel';

/**
 * Where a command's variables get their values, in this order:
 * 1. `run`: values given earlier in this run (prompt answers: asked once, remembered for the run);
 * 2. `config`: the runbook config's `variables.<name>.default` (never set for a secret);
 * 3. `settings`: the `deployPilot.variables` setting;
 * 4. `env`: the environment of the process (the terminal inherits it);
 * otherwise the operator is asked.
 */
export interface VariableSources {
  readonly run: ReadonlyMap<string, string>;
  readonly config: RunbookConfig;
  readonly settings: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ResolveOptions {
  /**
   * Names the terminal's shell already holds because commands run earlier in it assigned them
   * (`PREVIOUS_TAG=$(…)` run in a previous step): not asked for, the shell has them.
   */
  readonly assignedBefore?: ReadonlySet<string>;
}

export interface PlanVariableUse {
  readonly commandId: string;
  /** Offset in the command's text. */
  readonly column: number;
  readonly kind: 'env' | 'placeholder';
}

interface ResolutionBase {
  readonly name: string;
  readonly secret: boolean;
  /** Used as `<name>` somewhere (else only as `$name`). */
  readonly placeholder: boolean;
  /** Uses in the commands, in order. */
  readonly uses: readonly PlanVariableUse[];
}

/**
 * - `resolved`: the value and where it came from.
 * - `shellDefault`: not found, but every use gives a default (`${VAR:-default}`): the shell uses it.
 * - `ask`: prompt the operator (once per run: put the answer into `sources.run`).
 */
export type VariableResolution = ResolutionBase &
  (
    | { readonly status: 'resolved'; readonly value: string; readonly source: 'run' | 'config' | 'settings' | 'env' }
    | { readonly status: 'shellDefault' }
    | { readonly status: 'ask'; readonly prompt: string; readonly description?: string }
  );

/**
 * A secret: declared `secret: true` in the runbook config, or named like a credential
 * (`*_KEY`, `*_TOKEN`, `*_PASSWORD`, `*_SECRET`, …; `-` and `.` of placeholder names count as `_`,
 * so `<your-api-key>` is one). Secrets are passed to the terminal through its environment, never
 * written into a command text, a log or a run record.
 */
export function isSecretVariable(name: string, config: RunbookConfig): boolean {
  return ownValue(config.variables, name)?.secret === true || looksSecret(name.replace(/[-.]/g, '_'));
}

interface Collected {
  uses: PlanVariableUse[];
  placeholder: boolean;
  /** Every `$name` use has a `${name:-default}`. */
  allDefaulted: boolean;
}

/** Variables the commands read, minus those assigned before their first read in the plan. */
function collect(commands: Iterable<RunbookCommand>, assignedBefore: ReadonlySet<string>): Map<string, Collected> {
  const assigned = new Set(assignedBefore);
  const byName = new Map<string, Collected>();
  for (const command of commands) {
    const refs = [...command.variables].sort((a, b) => a.column - b.column);
    for (const ref of refs) {
      if (ref.kind === 'assignment') {
        assigned.add(ref.name);
        continue;
      }
      if (ref.kind === 'env' && (assigned.has(ref.name) || isWellKnownShellVariable(ref.name))) continue;
      let entry = byName.get(ref.name);
      if (!entry) byName.set(ref.name, (entry = { uses: [], placeholder: false, allDefaulted: true }));
      entry.uses.push({ commandId: command.id, column: ref.column, kind: ref.kind });
      if (ref.kind === 'placeholder') entry.placeholder = true;
      if (ref.kind === 'placeholder' || ref.defaultValue === undefined) entry.allDefaulted = false;
    }
  }
  return byName;
}

function lookup(name: string, sources: VariableSources): { value: string; source: 'run' | 'config' | 'settings' | 'env' } | undefined {
  const run = sources.run.get(name);
  if (run !== undefined) return { value: run, source: 'run' };
  const configured = ownValue(sources.config.variables, name)?.default;
  if (configured !== undefined) return { value: configured, source: 'config' };
  const setting = ownValue(sources.settings, name);
  if (typeof setting === 'string') return { value: setting, source: 'settings' };
  const env = ownValue(sources.env, name);
  if (typeof env === 'string') return { value: env, source: 'env' };
  return undefined;
}

/**
 * For each variable the commands use (`$VAR`, `${VAR}`, `<placeholder>`; a `<name>` and a
 * `$name` are one variable), in order of first use: its value and source, or that the shell's
 * default applies, or that the operator must be asked. Skipped: names assigned by an earlier
 * command of the plan (or earlier in the same command), names in `options.assignedBefore`, and
 * `$HOME`-like names the shell sets.
 */
export function resolveVariables(commands: Iterable<RunbookCommand>, sources: VariableSources, options: ResolveOptions = {}): VariableResolution[] {
  const out: VariableResolution[] = [];
  for (const [name, entry] of collect(commands, options.assignedBefore ?? new Set())) {
    const base: ResolutionBase = { name, secret: isSecretVariable(name, sources.config), placeholder: entry.placeholder, uses: entry.uses };
    const found = lookup(name, sources);
    if (found) {
      out.push({ ...base, status: 'resolved', ...found });
    } else if (entry.allDefaulted) {
      out.push({ ...base, status: 'shellDefault' });
    } else {
      const declared = ownValue(sources.config.variables, name);
      const shown = entry.placeholder ? `<${name}>` : `$${name}`;
      out.push({
        ...base,
        status: 'ask',
        prompt: declared?.prompt ?? declared?.description ?? `Value for ${shown}`,
        ...(declared?.description !== undefined ? { description: declared.description } : {}),
      });
    }
  }
  return out;
}

/** Name → value of the resolved variables, for renderCommand. */
export function valuesOf(resolutions: readonly VariableResolution[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const r of resolutions) if (r.status === 'resolved') values.set(r.name, r.value);
  return values;
}

/** Names of the secret variables, for renderCommand. */
export function secretNamesOf(resolutions: readonly VariableResolution[]): Set<string> {
  return new Set(resolutions.filter((r) => r.secret).map((r) => r.name));
}

/** What the record keeps of the resolved variables (the reducer drops secret values anyway). */
export function toVariableRecords(resolutions: readonly VariableResolution[]): VariableRecord[] {
  const out: VariableRecord[] = [];
  for (const r of resolutions) {
    if (r.status !== 'resolved') continue;
    out.push({ name: r.name, source: r.source, secret: r.secret, ...(r.secret ? {} : { value: r.value }) });
  }
  return out;
}

/**
 * The run's remembered values after a reload: non-secret values the operator gave (`run`,
 * `prompt`). Secrets were never recorded and are asked again.
 */
export function runValuesFromRecord(record: RunRecord): Map<string, string> {
  const values = new Map<string, string>();
  for (const v of record.variables) {
    if (!v.secret && v.value !== undefined && (v.source === 'run' || v.source === 'prompt')) values.set(v.name, v.value);
  }
  return values;
}
