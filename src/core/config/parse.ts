import type { ConfigDiagnostic, ConfigOrigin } from './diagnostics';
import { sortDiagnostics } from './diagnostics';
import { isRecord } from './keyPath';
import { normalizeConfig } from './normalize';
import { validateAgainstSchema } from './schemaValidation';
import { checkSemantics } from './semanticChecks';
import type { RunbookConfig, RunbookConfigInput } from './types';
import { parseYamlSource } from './yamlSource';

export interface ParsedRunbookConfig {
  /** Defaults applied, durations in seconds; usable even when there are errors. */
  readonly config: RunbookConfig;
  /** YAML syntax errors, schema violations and semantic problems, in file order. */
  readonly diagnostics: ConfigDiagnostic[];
  /** The config as written, for `mergeConfigs` ({} when the text is empty or not a mapping). */
  readonly input: RunbookConfigInput;
}

/**
 * Reads one runbook config text: front matter (`origin.lineOffset` = `FrontMatter.startLine`)
 * or a sidecar file (`lineOffset` 0). Diagnostic lines and columns are 0-based and point into
 * `origin.file`. YAML syntax errors are reported alone (the schema and semantic checks run
 * once the YAML reads cleanly); the config is still normalized from what could be read.
 * Never throws.
 */
export function parseRunbookConfig(yamlText: string, origin: ConfigOrigin): ParsedRunbookConfig {
  const source = parseYamlSource(yamlText, origin);
  const input = configInputOf(source.data);
  // A syntax error garbles what follows it: report it alone until it is fixed.
  const diagnostics = source.hasSyntaxErrors
    ? [...source.diagnostics]
    : [...source.diagnostics, ...validateAgainstSchema(source.data, source), ...checkSemantics(input, source)];
  return { config: normalizeConfig(input), diagnostics: sortDiagnostics(diagnostics), input };
}

/** Parsed YAML as config input: a mapping, else {} (the schema reports what it was). */
export function configInputOf(data: unknown): RunbookConfigInput {
  return isRecord(data) ? data : {};
}
