/** Rollback core: target, plan, verification, automatic rollback, result texts. No VS Code here. */
export { deployedTags, imageNameOf, imageTagOf, TAG_VARIABLES } from './imageTags';
export { chooseTarget, deployHistory, rollbackTarget, runningRelease } from './target';
export type { RollbackCandidate, RollbackTarget, RollbackTargetInput, RollbackTargetSource } from './target';
export { rollbackPlan, rollbackSections, ROLLBACK_VARIABLES } from './plan';
export type { DesiredVersionReset, PlannedCommand, RollbackPlan } from './plan';
export { DEFAULT_VERIFY, missingConditions, reduceVerification, startVerification } from './verification';
export type { RunningContainer, StartVerification, VerificationInput, VerificationOutcome, VerificationState, VerifyConfig } from './verification';
export { AutoRollbackController, DEFAULT_COUNTDOWN_SECONDS, verdictAction } from './autoRollback';
export type { AutoRollbackDecision, AutoRollbackPhase } from './autoRollback';
export { formatDuration, formatRollbackResult, resultFromVerification } from './formatResult';
export type { FormattedRollbackResult, RollbackResult } from './formatResult';
export { alreadyRolledBack, ROLLBACK_COMMAND_PREFIX } from './alreadyRolledBack';
