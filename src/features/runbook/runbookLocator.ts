import * as vscode from 'vscode';
import { EXCLUDED_FOLDERS, contentEvidence, looksLikeRunbook, nameScore, rankCandidates } from '../../core/discovery/candidates';
import type { Candidate } from '../../core/discovery/candidates';
import { decodeRunbookBytes, parseRunbook } from '../../core/runbook';

const EXCLUDE_GLOB = `**/{${EXCLUDED_FOLDERS.join(',')}}/**`;
/** Markdown files read for content evidence at most; more would slow discovery in huge repos. */
const MAX_CONTENT_CHECKS = 300;
const MAX_CONTENT_BYTES = 1024 * 1024;

export interface LocatedCandidate extends Candidate {
  readonly uri: vscode.Uri;
}

/** Finds markdown files in the workspace that look like deployment runbooks. */
export async function findRunbookCandidates(token?: vscode.CancellationToken): Promise<LocatedCandidate[]> {
  const files = await vscode.workspace.findFiles('**/*.md', EXCLUDE_GLOB, 5000, token);
  const found: LocatedCandidate[] = [];
  let contentChecks = 0;
  for (const uri of files) {
    if (token?.isCancellationRequested) break;
    const relativePath = vscode.workspace.asRelativePath(uri, false);
    const byName = nameScore(relativePath);
    if (byName >= 2) {
      found.push({ uri, relativePath, score: byName, reason: 'name' });
      continue;
    }
    if (contentChecks >= MAX_CONTENT_CHECKS) continue;
    contentChecks++;
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_CONTENT_BYTES) continue;
    const decoded = decodeRunbookBytes(await vscode.workspace.fs.readFile(uri), relativePath);
    if (!decoded.ok) continue;
    if (looksLikeRunbook(contentEvidence(parseRunbook(decoded.text)))) {
      found.push({ uri, relativePath, score: byName + 1, reason: 'content' });
    }
  }
  const byPath = new Map(found.map((c) => [c.relativePath, c]));
  return rankCandidates(found).map((c) => byPath.get(c.relativePath) as LocatedCandidate);
}
