import * as vscode from 'vscode';
import type { RunRecord } from '../../core/run';
import { renderRunReport } from '../../core/run';
import type { CodeBlockNode, RunbookCommand, SectionNode } from '../../core/runbook';
import { nodePathAtLine } from '../../core/runbook';
import { CommandIds } from '../commands/commandIds';
import { registerCommand } from '../commands/registerCommand';
import type { RunbookService } from '../runbook/runbookService';
import type { RunbookTreeElement } from '../tree/treeElement';
import type { RunController } from './runController';
import type { RunSession } from './runSession';

/** Picks a step from the palette when a command is not invoked on a tree item. */
async function pickSection(service: RunbookService): Promise<SectionNode | undefined> {
  const state = await service.settled();
  if (state.kind !== 'ok') throw new Error('No runbook is loaded: open one first (Deploy Pilot: Open Runbook…).');
  const items: Array<vscode.QuickPickItem & { section: SectionNode }> = [];
  const visit = (nodes: readonly RunbookTreeElement[], depth: number): void => {
    for (const node of nodes) {
      if (node.kind !== 'section') continue;
      const commands = countCommands(node);
      if (commands > 0) items.push({ label: `${'  '.repeat(depth)}${node.label}`, description: `${commands} commands`, section: node });
      visit(node.children, depth + 1);
    }
  };
  visit(state.runbook.children, 0);
  return (await vscode.window.showQuickPick(items, { title: 'Deploy Pilot: Run Step', placeHolder: 'Choose the step to run' }))?.section;
}

function countCommands(section: SectionNode): number {
  let n = 0;
  for (const child of section.children) n += child.kind === 'code' ? child.commands.length : child.kind === 'section' ? countCommands(child) : 0;
  return n;
}

/** The command or block at the cursor of the runbook editor (for the palette and CodeLens). */
function targetAtCursor(service: RunbookService): RunbookCommand | CodeBlockNode | undefined {
  const editor = vscode.window.activeTextEditor;
  const state = service.state;
  if (!editor || state.kind !== 'ok' || !service.isCurrent(editor.document.uri)) return undefined;
  const line = editor.selection.active.line;
  const block = nodePathAtLine(state.runbook.children, line).at(-1);
  if (block?.kind !== 'code' || block.commands.length === 0) return undefined;
  return block.commands.find((c) => line >= c.line && line < c.endLine) ?? block;
}

export function registerRunnerCommands(
  service: RunbookService,
  session: RunSession,
  controller: RunController,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const run = async (target: RunbookTreeElement | undefined, dryRun: boolean): Promise<RunRecord | undefined> => {
    if (target?.kind === 'command' || target?.kind === 'code') return controller.runCommands(target, { dryRun });
    const section = target?.kind === 'section' ? target : await pickSection(service);
    return section ? controller.runSection(section, { dryRun }) : undefined;
  };
  return [
    registerCommand(CommandIds.runStep, log, (target?: RunbookTreeElement) => run(target, false)),
    registerCommand(CommandIds.dryRunStep, log, (target?: RunbookTreeElement) => run(target, true)),
    registerCommand(CommandIds.runCommand, log, async (target?: RunbookCommand | CodeBlockNode) => {
      const chosen = target ?? targetAtCursor(service);
      if (!chosen) throw new Error('Put the cursor in a shell code block of the runbook, or use the ▶ button in the Runbook view.');
      return controller.runCommands(chosen);
    }),
    registerCommand(CommandIds.stopCommand, log, () => controller.stop()),
    registerCommand(CommandIds.newRun, log, () => {
      session.reset();
      void vscode.window.showInformationMessage('Deploy Pilot: the next command starts a new run.');
    }),
    registerCommand(CommandIds.showRunReport, log, async () => {
      const runs = await session.list();
      if (runs.length === 0) throw new Error('No run recorded yet for this runbook.');
      const pick = await vscode.window.showQuickPick(
        runs.map((r) => ({ label: r.id, description: `${r.state}${r.environment ? ` · ${r.environment}` : ''}`, id: r.id })),
        { title: 'Deploy Pilot: Show Run Report' },
      );
      if (!pick) return;
      const record = await session.read(pick.id);
      const state = service.state;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderRunReport(record, state.kind === 'ok' ? state.runbook : undefined) });
      await vscode.window.showTextDocument(doc, { preview: false });
    }),
  ];
}
