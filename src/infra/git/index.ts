/** Git infrastructure client (simple-git, no VS Code): release preflight checks and repository queries. */
export { ReleaseGit } from './releaseGit';
export { GitCommandError } from './gitCommandError';
export { sortTagsNewestFirst } from './sortTags';
export type { CommitInfo, PreflightCheck, PreflightCheckId, PreflightOptions, ReleaseGitOptions } from './types';
