import type { ConfigDiagnostic, RunbookConfig } from '../config';
import { extractFrontMatter, loadRunbookConfig, normalizeConfig } from '../config';
import { analyzeRunbook } from './analyzeRunbook';
import type { Runbook, RunbookDiagnostic } from './model';
import { parseStructure } from './parseStructure';

export interface ParseOptions {
  /** The runbook's name in diagnostics of its configuration, e.g. `docs/DEPLOY.md`. */
  readonly fileName?: string;
  /** The sidecar configuration `<name>.deploy-pilot.yaml`, when it exists. */
  readonly sidecar?: { readonly file: string; readonly text: string };
}

let defaultConfig: RunbookConfig | undefined;

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Blanks the front matter's lines (keeping line numbers) so markdown does not read it as text.
 * Any line break counts (LF, CRLF, CR), as in the line numbers of the rest of the model.
 */
function maskLines(text: string, lastLine: number): string {
  LINE_BREAK.lastIndex = 0;
  let offset = 0;
  for (let line = 0; line <= lastLine; line++) {
    const match = LINE_BREAK.exec(text);
    if (!match) return '\n'.repeat(lastLine);
    offset = match.index + match[0].length;
  }
  return '\n'.repeat(lastLine + 1) + text.slice(offset);
}

function toRunbookDiagnostic(d: ConfigDiagnostic, runbookFile: string): RunbookDiagnostic {
  return {
    ...(d.file !== runbookFile ? { file: d.file } : {}),
    severity: d.severity,
    code: `config-${d.code}`,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  };
}

/**
 * Parses a markdown deployment guide into the runbook model: structure, commands with their
 * classification and variables, checklist criteria, alert rules, configuration and every
 * diagnostic with its line. Never throws on any string.
 */
export function parseRunbook(source: string, options: ParseOptions = {}): Runbook {
  // Editors hide a byte order mark and do not count it as a column: neither do we.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const file = options.fileName ?? 'runbook.md';
  const frontMatter = extractFrontMatter(text);
  const structure = parseStructure(frontMatter ? maskLines(text, frontMatter.endLine) : text);
  if (!frontMatter && !options.sidecar) {
    return analyzeRunbook(structure, (defaultConfig ??= normalizeConfig({})), [], undefined);
  }
  const loaded = loadRunbookConfig({
    runbook: { file, text },
    ...(options.sidecar ? { sidecar: options.sidecar } : {}),
  });
  return analyzeRunbook(
    structure,
    loaded.config,
    loaded.diagnostics.map((d) => toRunbookDiagnostic(d, file)),
    frontMatter?.endLine,
  );
}
