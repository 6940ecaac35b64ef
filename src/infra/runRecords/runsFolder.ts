import * as path from 'node:path';
import { CONFIG_DEFAULTS } from '../../core/config';

/**
 * The absolute runs folder for a workspace: `runs.folder` of the runbook config (default
 * `.deploy-pilot/runs`) resolved against the workspace root. A folder outside the workspace is
 * refused: a runbook (possibly from someone else) must not make Deploy Pilot write elsewhere.
 */
export function resolveRunsFolder(workspaceRoot: string, folder: string = CONFIG_DEFAULTS.runsFolder): string {
  const root = path.resolve(workspaceRoot);
  const resolved = path.resolve(root, folder.trim() === '' ? CONFIG_DEFAULTS.runsFolder : folder);
  const relative = path.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`The runs folder "${folder}" must be a folder inside the workspace (${root}).`);
  }
  return resolved;
}
