import * as vscode from 'vscode';
import { changelogEntryFor, currentAndPrevious, nextVersions, orderReleaseTags, releaseTargets, squashMessage, suggestBump } from '../../core/release';
import type { RunRecord } from '../../core/run';
import { singleQuote } from '../../core/run';
import { blockCommands } from '../../core/runbook';
import { ReleaseGit } from '../../infra/git';
import type { RunbookService } from '../runbook/runbookService';
import type { RunController } from '../runner/runController';

export type ReleaseAction = 'squashMerge' | 'merge' | 'tag' | 'push' | 'deleteBranch';

/** What the release actions ask; replaceable so tests can answer. */
export interface ReleaseUi {
  branch(suggested: string | undefined): Promise<string | undefined>;
  tag(suggested: string): Promise<string | undefined>;
  message(title: string, value: string): Promise<string | undefined>;
  conflicts(files: readonly string[]): Promise<void>;
}

export const vscodeReleaseUi: ReleaseUi = {
  async branch(suggested) {
    return vscode.window.showInputBox({ title: 'Deploy Pilot: feature branch', value: suggested ?? '', prompt: 'The branch to merge or delete' });
  },
  async tag(suggested) {
    return vscode.window.showInputBox({ title: 'Deploy Pilot: release tag', value: suggested, prompt: 'The annotated tag to create' });
  },
  async message(title, value) {
    return vscode.window.showInputBox({ title, value, prompt: 'First line shown; the rest of the message is kept as generated' });
  },
  async conflicts(files) {
    const open = await vscode.window.showErrorMessage(
      `The merge stopped on conflicts in ${files.length} ${files.length === 1 ? 'file' : 'files'}: ${files.join(', ')}. Resolve them, commit, and run the step again (or "git merge --abort").`,
      'Open Conflicting Files',
    );
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (open && folder) for (const file of files) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, file), { preview: false });
  },
};

/**
 * The release part of a runbook as commands: squash or regular merge, annotated tag, push,
 * delete the feature branch. Each runs in the terminal through the step runner, so the operator
 * sees the exact git commands and their exit codes, and destructive ones are confirmed.
 */
export class ReleaseActions {
  ui: ReleaseUi = vscodeReleaseUi;

  constructor(
    private readonly service: RunbookService,
    private readonly runner: RunController,
  ) {}

  async run(action: ReleaseAction): Promise<RunRecord | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Open a workspace folder (a git repository) first.');
    const git = new ReleaseGit(folder.uri.fsPath);
    const state = await this.service.settled();
    const targets = state.kind === 'ok' ? releaseTargets(state.runbook) : {};
    const lines = await this.commandsFor(action, git, folder.uri, targets);
    if (!lines) return undefined;
    const commands = blockCommands(`/release/${action}#code1`, lines.join('\n'), 'bash', 0);
    const record = await this.runner.runCommands({ kind: 'code', id: `/release/${action}#code1`, lang: 'bash', text: lines.join('\n'), displayText: lines.join('\n'), firstCommand: lines[0] ?? '', fence: 'backtick', role: 'commands', commands, line: 0, endLine: lines.length + 2 });
    if ((action === 'squashMerge' || action === 'merge') && record?.commands.some((c) => c.status === 'failed')) {
      const conflicts = await git.conflictedFiles();
      if (conflicts.length > 0) await this.ui.conflicts(conflicts);
    }
    return record;
  }

  private async commandsFor(action: ReleaseAction, git: ReleaseGit, root: vscode.Uri, targets: { featureBranch?: string; tag?: string }): Promise<string[] | undefined> {
    switch (action) {
      case 'squashMerge':
      case 'merge': {
        const branch = await this.ui.branch(targets.featureBranch);
        if (!branch) return undefined;
        if (action === 'merge') return [`git merge --no-edit ${singleQuote(branch)}`];
        const base = await git.mergeBase('HEAD', branch);
        const commits = await git.commitsSince(base, branch);
        const generated = squashMessage(branch, [...commits].reverse());
        const title = await this.ui.message('Deploy Pilot: squash commit message', generated.split('\n')[0] ?? '');
        if (title === undefined) return undefined;
        const message = [title, ...generated.split('\n').slice(1)].join('\n');
        const file = await this.writeGitFile(root, 'DEPLOY_PILOT_SQUASH_MSG', message);
        // --cleanup=whitespace keeps lines starting with # (markdown headings) in the message.
        return [`git merge --squash ${singleQuote(branch)}`, `git commit --cleanup=whitespace -F ${singleQuote(file)}`];
      }
      case 'tag': {
        const suggested = targets.tag ?? (await this.suggestTag(git));
        const tag = await this.ui.tag(suggested);
        if (!tag) return undefined;
        let changelog = '';
        try {
          changelog = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'CHANGELOG.md'))).toString('utf8');
        } catch {
          changelog = '';
        }
        const message = changelogEntryFor(changelog, tag.replace(/^[^0-9]*/, ''), tag) ?? `Release ${tag}\n`;
        const file = await this.writeGitFile(root, 'DEPLOY_PILOT_TAG_MSG', message);
        return [`git tag -a ${singleQuote(tag)} --cleanup=whitespace -F ${singleQuote(file)}`];
      }
      case 'push': {
        const branch = await git.currentBranch();
        if (!branch) throw new Error('HEAD is detached: check out the release branch before pushing.');
        const tag = targets.tag;
        const tags = await git.listTags();
        return [`git push origin ${singleQuote(branch)}`, ...(tag && tags.includes(tag) ? [`git push origin ${singleQuote(tag)}`] : [])];
      }
      case 'deleteBranch': {
        const branch = await this.ui.branch(targets.featureBranch);
        if (!branch) return undefined;
        return [`git branch -d ${singleQuote(branch)}`, `git push origin --delete ${singleQuote(branch)}`];
      }
    }
  }

  private async suggestTag(git: ReleaseGit): Promise<string> {
    const state = this.service.state;
    const { releases } = orderReleaseTags(await git.listTags(), state.kind === 'ok' ? state.runbook.config.tagPattern : 'v*');
    const { current } = currentAndPrevious(releases);
    const commits = await git.commitsSince(current?.tag);
    return nextVersions(current, suggestBump(commits, current?.version)).suggested.tag;
  }

  /** Writes a message into .git/ (never into the work tree) and returns its workspace-relative path. */
  private async writeGitFile(root: vscode.Uri, name: string, text: string): Promise<string> {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, '.git', name), Buffer.from(text, 'utf8'));
    return `.git/${name}`;
  }
}
