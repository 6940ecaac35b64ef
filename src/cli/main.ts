/**
 * deploy-pilot: the runbook parser and linter for pipelines, without VS Code.
 *   deploy-pilot parse FILE [--json]     the runbook model (docs/runbook-json-format.md)
 *   deploy-pilot lint FILE...            file:line:col: severity: message [code]; exit 1 on errors
 */
import { existsSync, readFileSync } from 'node:fs';
import { sidecarPathFor } from '../core/config';
import type { Runbook } from '../core/runbook';
import { decodeRunbookBytes, parseRunbook, runbookToJson, walk } from '../core/runbook';

const USAGE = `Usage:
  deploy-pilot parse FILE [--json]   print the parsed runbook (outline, or JSON format v1 with --json)
  deploy-pilot lint FILE...          print diagnostics as file:line:col: severity: message; exit 1 on errors
  deploy-pilot --help | --version

Exit codes: 0 ok, 1 errors found, 2 usage or unreadable file.`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class CliError extends Error {}

function load(file: string): Runbook {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`${file}: cannot read (${code})`);
  }
  const decoded = decodeRunbookBytes(bytes, file);
  if (!decoded.ok) throw new CliError(decoded.message);
  const sidecarFile = sidecarPathFor(file);
  const sidecar = existsSync(sidecarFile) ? { file: sidecarFile, text: readFileSync(sidecarFile, 'utf8') } : undefined;
  return parseRunbook(decoded.text, { fileName: file, ...(sidecar ? { sidecar } : {}) });
}

function outline(runbook: Runbook, file: string): string {
  const lines = [`${file}: ${runbook.title ?? '(untitled)'}`];
  const visit = (nodes: Runbook['children'], depth: number): void => {
    for (const node of nodes) {
      const indent = '  '.repeat(depth);
      if (node.kind === 'section') {
        const tags = [node.role !== 'section' ? node.role : '', node.traits.rollback ? 'rollback' : '', node.traits.optionGroup ? 'choose one' : '']
          .filter(Boolean)
          .join(', ');
        lines.push(`${indent}${node.label}${tags ? ` [${tags}]` : ''}  (line ${node.line + 1})`);
        visit(node.children, depth + 1);
      } else if (node.kind === 'code') {
        for (const c of node.commands) {
          const flags = [c.classification.destructive ? 'DESTRUCTIVE' : '', c.classification.longRunning ? 'long-running' : '', c.classification.interactive ? 'interactive' : '']
            .filter(Boolean)
            .join(', ');
          lines.push(`${indent}$ ${c.label}${flags ? `  [${flags}]` : ''}`);
        }
      } else {
        lines.push(`${indent}[${node.checked ? 'x' : ' '}] ${node.text}`);
      }
    }
  };
  visit(runbook.children, 1);
  const counts = { commands: 0, tasks: 0 };
  for (const node of walk(runbook.children)) {
    if (node.kind === 'code') counts.commands += node.commands.length;
    if (node.kind === 'task') counts.tasks++;
  }
  lines.push(`${counts.commands} commands, ${counts.tasks} checklist items, ${runbook.alerts.length} alert rules, ${runbook.diagnostics.length} diagnostics`);
  return lines.join('\n');
}

export function main(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (command === '--version') {
      io.out(VERSION);
      return 0;
    }
    const files = rest.filter((a) => !a.startsWith('--'));
    const flags = new Set(rest.filter((a) => a.startsWith('--')));
    if (command === 'parse') {
      const unknown = [...flags].filter((f) => f !== '--json');
      if (files.length !== 1 || unknown.length > 0) throw new CliError(`parse takes one FILE and --json${unknown.length ? `; unknown: ${unknown.join(' ')}` : ''}\n\n${USAGE}`);
      const file = files[0] as string;
      const runbook = load(file);
      io.out(flags.has('--json') ? JSON.stringify(runbookToJson(runbook, file), null, 2) : outline(runbook, file));
      return 0;
    }
    if (command === 'lint') {
      if (files.length === 0 || flags.size > 0) throw new CliError(`lint takes one or more FILEs\n\n${USAGE}`);
      let errors = 0;
      let unreadable = 0;
      for (const file of files) {
        let runbook: Runbook;
        try {
          runbook = load(file);
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          io.err(`${error.message}`);
          unreadable++;
          continue;
        }
        for (const d of runbook.diagnostics) {
          if (d.severity === 'error') errors++;
          io.out(`${d.file ?? file}:${d.line + 1}:${d.column + 1}: ${d.severity}: ${d.message} [${d.code}]`);
        }
      }
      return unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
    }
    throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`deploy-pilot: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

declare const DEPLOY_PILOT_VERSION: string | undefined;
const VERSION = typeof DEPLOY_PILOT_VERSION === 'string' ? DEPLOY_PILOT_VERSION : 'dev';

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
