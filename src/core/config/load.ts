import { combineLocators } from './combinedLocator';
import type { ConfigDiagnostic } from './diagnostics';
import { sortDiagnostics } from './diagnostics';
import type { FrontMatter } from './frontMatter';
import { extractFrontMatter } from './frontMatter';
import { mergeConfigs } from './merge';
import { normalizeConfig } from './normalize';
import type { ParsedRunbookConfig } from './parse';
import { configInputOf } from './parse';
import { validateAgainstSchema } from './schemaValidation';
import { checkSemantics } from './semanticChecks';
import type { YamlSource } from './yamlSource';
import { parseYamlSource } from './yamlSource';

/** A file's path (as diagnostics should name it) and its text. */
export interface ConfigFile {
  readonly file: string;
  readonly text: string;
}

export interface RunbookConfigSources {
  /** The runbook markdown: its front matter, if it has one, is read. */
  readonly runbook?: ConfigFile;
  /** The sidecar `<name>.deploy-pilot.yaml` next to the runbook, when it exists. */
  readonly sidecar?: ConfigFile;
}

export interface LoadedRunbookConfig extends ParsedRunbookConfig {
  /** Where the front matter is in the runbook, so that the markdown parser can skip it. */
  readonly frontMatter?: FrontMatter;
}

/**
 * The config of a runbook from its front matter and its sidecar file, merged with
 * `mergeConfigs` (front matter wins per key). Each file is checked against the schema on its
 * own; cross-references (alert → environment, autoRollback → alert) are checked on the merged
 * config and reported in the file that writes them; they wait while a file has YAML syntax
 * errors. Never throws.
 */
export function loadRunbookConfig(sources: RunbookConfigSources): LoadedRunbookConfig {
  const frontMatter = sources.runbook ? extractFrontMatter(sources.runbook.text) : undefined;
  const frontMatterSource =
    sources.runbook && frontMatter ? parseYamlSource(frontMatter.yaml, { file: sources.runbook.file, lineOffset: frontMatter.startLine }) : undefined;
  const sidecarSource = sources.sidecar ? parseYamlSource(sources.sidecar.text, { file: sources.sidecar.file, lineOffset: 0 }) : undefined;
  const texts = [frontMatterSource, sidecarSource].filter((source): source is YamlSource => source !== undefined);

  const diagnostics: ConfigDiagnostic[] = texts.flatMap((source) =>
    source.hasSyntaxErrors ? source.diagnostics : [...source.diagnostics, ...validateAgainstSchema(source.data, source)],
  );
  const input = mergeConfigs(configInputOf(sidecarSource?.data), configInputOf(frontMatterSource?.data));
  if (texts.length > 0 && texts.every((source) => !source.hasSyntaxErrors)) {
    diagnostics.push(...checkSemantics(input, combineLocators(texts)));
  }
  return {
    config: normalizeConfig(input),
    diagnostics: sortDiagnostics(diagnostics),
    input,
    ...(frontMatter ? { frontMatter } : {}),
  };
}

/** The sidecar config file of a runbook: `docs/DEPLOY.md` → `docs/DEPLOY.deploy-pilot.yaml`. */
export function sidecarPathFor(runbookPath: string): string {
  return `${runbookPath.replace(/\.(?:md|markdown)$/i, '')}.deploy-pilot.yaml`;
}
