import type { Runbook } from '../runbook/model';
import { walk } from '../runbook/model';
import { isShellLanguage } from '../shell';

/** Glob patterns (workspace-relative) whose names say "runbook". */
export const RUNBOOK_NAME_GLOBS = [
  '**/RUNBOOK.md',
  '**/runbook.md',
  '**/DEPLOY*.md',
  '**/*DEPLOYMENT*.md',
  '**/*deployment*.md',
  '**/*.runbook.md',
  'docs/runbooks/**/*.md',
] as const;

/** Folders never searched for runbooks. */
export const EXCLUDED_FOLDERS = ['node_modules', '.git', 'dist', 'out', '.vscode-test', '.deploy-pilot'] as const;


/** How strongly a path's name alone says "runbook": 0 none, higher is stronger. */
export function nameScore(relativePath: string): number {
  const path = relativePath.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!/\.md$/i.test(base)) return 0;
  if (/^runbook\.md$/i.test(base) || /\.runbook\.md$/i.test(base)) return 3;
  if (/(^|\/)docs\/runbooks\//i.test(path)) return 3;
  if (/^deploy/i.test(base) || /deployment/i.test(base)) return 2;
  if (/runbook|release|rollout/i.test(base)) return 1;
  return 0;
}

export interface ContentEvidence {
  readonly shellBlocks: number;
  readonly stepHeadings: number;
  readonly tasks: number;
}

export function contentEvidence(runbook: Runbook): ContentEvidence {
  let shellBlocks = 0;
  let stepHeadings = 0;
  let tasks = 0;
  for (const node of walk(runbook.children)) {
    if (node.kind === 'code' && isShellLanguage(node.lang)) shellBlocks++;
    else if (node.kind === 'section' && node.role === 'step') stepHeadings++;
    else if (node.kind === 'task') tasks++;
  }
  return { shellBlocks, stepHeadings, tasks };
}

/** A deployment guide by content: shell code blocks plus step headings or task lists. */
export function looksLikeRunbook(evidence: ContentEvidence): boolean {
  return evidence.shellBlocks > 0 && (evidence.stepHeadings > 0 || evidence.tasks > 0);
}

export interface Candidate {
  readonly relativePath: string;
  readonly score: number;
  readonly reason: string;
}

/** Orders candidates: strongest first, then shallower paths, then by name. */
export function rankCandidates(candidates: readonly Candidate[]): Candidate[] {
  const depth = (p: string): number => p.split('/').length;
  return [...candidates].sort(
    (a, b) => b.score - a.score || depth(a.relativePath) - depth(b.relativePath) || a.relativePath.localeCompare(b.relativePath),
  );
}
