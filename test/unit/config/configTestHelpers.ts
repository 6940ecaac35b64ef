import * as assert from 'node:assert/strict';
import type { ConfigDiagnostic, ParsedRunbookConfig } from '../../../src/core/config';
import { extractFrontMatter, parseRunbookConfig } from '../../../src/core/config';

/** A markdown runbook from its lines (LF, with a final line break). */
export function markdown(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/** Parses a runbook's front matter as the extension does, with lines offset into the markdown. */
export function parseFrontMatterOf(text: string, file = 'RUNBOOK.md'): ParsedRunbookConfig {
  const frontMatter = extractFrontMatter(text);
  assert.ok(frontMatter, 'the runbook has front matter');
  return parseRunbookConfig(frontMatter.yaml, { file, lineOffset: frontMatter.startLine });
}

/** [line, column, endLine, endColumn, severity, code, message]: compact and exact. */
export type DiagnosticTuple = [number, number, number, number, ConfigDiagnostic['severity'], ConfigDiagnostic['code'], string];

export function tuples(diagnostics: readonly ConfigDiagnostic[]): DiagnosticTuple[] {
  return diagnostics.map((d) => [d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.message]);
}
