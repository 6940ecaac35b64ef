import type { Runbook, RunbookNode } from '../../../src/core/runbook';

/** How markdown and the parser count lines: CRLF, CR and LF each end one; '' has none. */
export function countLines(text: string): number {
  return text.length === 0 ? 0 : text.split(/\r\n|\r|\n/).length;
}

function describe(node: RunbookNode): string {
  return `${node.kind} ${JSON.stringify(node.id)} [${node.line}, ${node.endLine})`;
}

/**
 * What must hold for every parse, whatever the input. Returns the violations (empty when
 * all hold), so that a counter-example shows every broken rule at once.
 *
 * - `lineCount` is the text's line count.
 * - Every node spans `line < endLine <= lineCount`, starting at 0 or later. No 0-length span
 *   is allowed: every node is made from at least one line of the file (a heading, a fence,
 *   a list item, a task's paragraph).
 * - Children lie inside their parent; siblings come in document order and do not overlap.
 * - Node ids are unique, and so are command ids.
 * - Every command lies inside its block (never on the opening fence line).
 * - Diagnostics point into the file: `0 <= line < lineCount`, columns >= 0, an end not before
 *   the start. One exception: an empty text has no lines, yet its `no-steps` error sits on
 *   line 0, which an editor shows even for an empty document.
 */
export function invariantViolations(text: string, runbook: Runbook): string[] {
  const problems: string[] = [];
  const lineCount = runbook.lineCount;
  if (lineCount !== countLines(text)) problems.push(`lineCount ${lineCount} but the text has ${countLines(text)} lines`);

  const nodeIds = new Set<string>();
  const commandIds = new Set<string>();
  const visit = (nodes: readonly RunbookNode[], parent: RunbookNode | undefined): void => {
    let previous: RunbookNode | undefined;
    for (const node of nodes) {
      if (!(node.line >= 0 && node.line < node.endLine && node.endLine <= lineCount)) problems.push(`bad span: ${describe(node)}, lineCount ${lineCount}`);
      if (parent && (node.line < parent.line || node.endLine > parent.endLine)) problems.push(`${describe(node)} is outside its parent ${describe(parent)}`);
      if (previous && node.line < previous.endLine) problems.push(`${describe(node)} overlaps or precedes its previous sibling ${describe(previous)}`);
      if (nodeIds.has(node.id)) problems.push(`duplicate node id ${JSON.stringify(node.id)}: ${describe(node)}`);
      nodeIds.add(node.id);
      if (node.kind === 'code') {
        const first = node.fence === 'indented' ? node.line : node.line + 1;
        for (const command of node.commands) {
          if (commandIds.has(command.id)) problems.push(`duplicate command id ${JSON.stringify(command.id)}`);
          commandIds.add(command.id);
          if (!(command.line >= first && command.line < command.endLine && command.endLine <= node.endLine)) {
            problems.push(`command ${JSON.stringify(command.id)} [${command.line}, ${command.endLine}) is outside its block ${describe(node)}`);
          }
        }
      }
      if (node.kind === 'section') visit(node.children, node);
      previous = node;
    }
  };
  visit(runbook.children, undefined);

  const lastLine = Math.max(lineCount, 1);
  for (const d of runbook.diagnostics) {
    const where = `${d.code} at ${d.line}:${d.column}${d.endLine !== undefined ? `-${d.endLine}:${d.endColumn ?? '?'}` : ''}`;
    if (d.file !== undefined) continue; // a sidecar's lines are its own
    if (!(Number.isInteger(d.line) && d.line >= 0 && d.line < lastLine)) problems.push(`diagnostic line out of the file: ${where}, lineCount ${lineCount}`);
    if (!(Number.isInteger(d.column) && d.column >= 0)) problems.push(`diagnostic column < 0: ${where}`);
    if (d.endLine !== undefined && !(d.endLine >= d.line && d.endLine < lastLine)) problems.push(`diagnostic end line out of range: ${where}`);
    if (d.endColumn !== undefined && !(d.endColumn >= 0 && ((d.endLine ?? d.line) !== d.line || d.endColumn >= d.column))) problems.push(`diagnostic ends before it starts: ${where}`);
  }
  return problems;
}
