import type { VariableConfig } from '../config';
import { isWellKnownShellVariable } from '../shell';
import type { RunbookCommand, RunbookDiagnostic, RunbookVariable, VariableUse } from './model';

const SECRET_NAME = /(?:^|_)(?:KEY|TOKEN|PASSWORD|PASSWD|SECRET|CREDENTIALS?)$/i;

/** Variables named like credentials are secrets even when the configuration does not say so. */
export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

interface Collected {
  uses: VariableUse[];
  placeholder: boolean;
  assigned: boolean;
}

/**
 * The runbook's variables: every `$VAR`, `${VAR}` and `<placeholder>` its commands use or
 * assign, merged with the ones the configuration declares.
 */
export function collectVariables(
  commands: Iterable<RunbookCommand>,
  declared: readonly VariableConfig[],
  position: (command: RunbookCommand, offset: number) => { line: number; column: number },
): { variables: RunbookVariable[]; diagnostics: RunbookDiagnostic[] } {
  const byName = new Map<string, Collected>();
  for (const command of commands) {
    const refs = command.variables;
    for (let r = 0; r < refs.length; r++) {
      const ref = refs[r] as RunbookCommand['variables'][number];
      if (ref.kind !== 'placeholder' && isWellKnownShellVariable(ref.name)) continue;
      const key = ref.kind === 'placeholder' ? `<${ref.name}>` : ref.name;
      let entry = byName.get(key);
      if (!entry) byName.set(key, (entry = { uses: [], placeholder: ref.kind === 'placeholder', assigned: false }));
      if (ref.kind === 'assignment') entry.assigned = true;
      const at = position(command, ref.column);
      entry.uses.push({ commandId: command.id, kind: ref.kind, line: at.line, column: at.column });
    }
  }
  const config = new Map(declared.map((v) => [v.name, v]));
  const variables: RunbookVariable[] = [];
  const diagnostics: RunbookDiagnostic[] = [];
  for (const [key, entry] of byName) {
    const name = entry.placeholder ? key.slice(1, -1) : key;
    const declaredVariable = config.get(name);
    config.delete(name);
    variables.push(toVariable(name, entry, declaredVariable));
    const firstUse = entry.uses.find((u) => u.kind !== 'assignment');
    if (!entry.assigned && !declaredVariable && !entry.placeholder && firstUse) {
      diagnostics.push({
        severity: 'information',
        code: 'unknown-variable',
        message: `$${name} is not set by the runbook or declared in its configuration; Deploy Pilot will ask for it when a command needs it (declare it under "variables:" in the front matter to give a default or mark it secret).`,
        line: firstUse.line,
        column: firstUse.column,
        endColumn: firstUse.column + name.length + 1,
      });
    }
  }
  for (const declaredVariable of config.values()) {
    variables.push(toVariable(declaredVariable.name, { uses: [], placeholder: false, assigned: false }, declaredVariable));
  }
  return { variables, diagnostics };
}

function toVariable(name: string, entry: Collected, declared: VariableConfig | undefined): RunbookVariable {
  return {
    name,
    placeholder: entry.placeholder,
    assignedInRunbook: entry.assigned,
    declared: declared !== undefined,
    secret: declared?.secret === true || looksSecret(name),
    ...(declared?.default !== undefined ? { defaultValue: declared.default } : {}),
    ...(declared?.description !== undefined ? { description: declared.description } : {}),
    uses: entry.uses,
  };
}
