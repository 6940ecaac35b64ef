import * as vscode from 'vscode';
import type { ChangelogTemplate, NextVersion } from '../../core/release';
import {
  buildChangelogSnippet,
  compareUrl,
  currentAndPrevious,
  nextVersions,
  orderReleaseTags,
  planChangelogInsertion,
  suggestBump,
  withEol,
} from '../../core/release';
import { ReleaseGit } from '../../infra/git';
import type { RunbookService } from '../runbook/runbookService';

/** Answers the command asks for; replaceable so tests can answer them. */
export interface ChangelogUi {
  pickVersion(items: ReadonlyArray<{ label: string; description: string; version: NextVersion }>): Promise<NextVersion | undefined>;
  pickTemplate(): Promise<ChangelogTemplate | undefined>;
}

export const vscodeChangelogUi: ChangelogUi = {
  async pickVersion(items) {
    const pick = await vscode.window.showQuickPick([...items], { title: 'Deploy Pilot: version of the new CHANGELOG entry', placeHolder: 'The suggested bump is first' });
    return pick?.version;
  },
  async pickTemplate() {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'Keep a Changelog', description: 'Added / Changed / Fixed / … from the commits', template: 'keep-a-changelog' as const },
        { label: 'Detailed', description: 'a critical-fix summary and a testing table, as in the seed runbook', template: 'detailed' as const },
      ],
      { title: 'Deploy Pilot: CHANGELOG entry layout' },
    );
    return pick?.template;
  },
};

const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Deploy Pilot: Insert CHANGELOG Entry. Builds a Keep a Changelog entry for the next version from
 * the commits since the previous release tag and inserts it as a snippet (tab stops on the version
 * and the first item) where Keep a Changelog wants it, creating CHANGELOG.md when it is missing.
 */
export async function insertChangelogEntry(service: RunbookService, ui: ChangelogUi): Promise<vscode.TextEditor | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('Open a workspace folder (a git repository) first.');
  const git = new ReleaseGit(folder.uri.fsPath);
  const state = await service.settled();
  const pattern = state.kind === 'ok' ? state.runbook.config.tagPattern : 'v*';
  const { releases } = orderReleaseTags(await git.listTags(), pattern);
  const { current } = currentAndPrevious(releases);
  const commits = await git.commitsSince(current?.tag);
  if (commits.length === 0) {
    void vscode.window.showInformationMessage(`Deploy Pilot: no commits since ${current?.tag ?? 'the first commit'}: nothing to put in a CHANGELOG entry.`);
    return undefined;
  }
  const bump = suggestBump(commits, current?.version);
  const next = nextVersions(current, bump);
  const items = [
    { label: next.suggested.tag, description: `suggested (${bump}, from ${commits.length} commits since ${current?.tag ?? 'the start'})`, version: next.suggested },
    ...(['major', 'minor', 'patch'] as const)
      .filter((kind) => next[kind].version !== next.suggested.version)
      .map((kind) => ({ label: next[kind].tag, description: kind, version: next[kind] })),
    ...(next.prerelease ? [{ label: next.prerelease.tag, description: 'prerelease', version: next.prerelease }] : []),
  ];
  const version = await ui.pickVersion(items);
  if (!version) return undefined;
  const template = await ui.pickTemplate();
  if (!template) return undefined;

  const remote = await git.remoteUrl();
  const link = current && remote ? compareUrl(remote, current.tag, version.tag) : undefined;
  const snippet = buildChangelogSnippet({ version: version.version, date: today(), commits, ...(link ? { compareUrl: link } : {}) }, template);

  const uri = vscode.Uri.joinPath(folder.uri, 'CHANGELOG.md');
  let existing: string | undefined;
  try {
    existing = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    existing = undefined;
  }
  const plan = planChangelogInsertion(existing);
  if (plan.createWithHeader !== undefined) {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(withEol(plan.createWithHeader, plan.eol), 'utf8'));
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const at = plan.line >= document.lineCount ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(plan.line, 0);
  const text = '\n'.repeat(plan.blankLinesBefore) + snippet + '\n'.repeat(plan.blankLinesAfter);
  // VS Code writes a snippet's line breaks in the document's own line ending (CRLF stays CRLF).
  await editor.insertSnippet(new vscode.SnippetString(text), at);
  return editor;
}
