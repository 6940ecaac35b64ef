/**
 * The step runner's core: the run record and its reducer, step plans and what to run next,
 * variables and how commands are rendered for the shell (secrets only in the environment),
 * redaction, dry runs and the run report. Pure TypeScript, no VS Code API, no I/O.
 */
export * from './runModel';
export type * from './runEvents';
export { applyEvent, reduce, restoreAfterCrash, derivedEndState } from './runState';
export type { ApplyResult } from './runState';
export { aggregateStatus, checklistState, commandStatus, stepStatus } from './runStatus';
export type { StepStatus } from './runStatus';
export { commandsOfSection, optionsOf, sectionIdOfCommand } from './stepCommands';
export type { CommandInSection, OptionChooser } from './stepCommands';
export { environmentOf } from './environmentOf';
export { OptionRequiredError, planCommand, planStep, runModeOf } from './stepPlan';
export type { OptionChoice, PlanOptions, PlannedCommand, RunMode, StepPlan } from './stepPlan';
export { nextAction, STOP_CHOICES } from './nextAction';
export type { NextAction, StopChoice } from './nextAction';
export { isSecretVariable, resolveVariables, runValuesFromRecord, secretNamesOf, toVariableRecords, valuesOf } from './variables';
export type { PlanVariableUse, ResolveOptions, VariableResolution, VariableSources } from './variables';
export { envChanges, placeholderEnvName, renderCommand } from './renderCommand';
export type { RenderedCommand, RenderIssue } from './renderCommand';
export { quoteContexts } from './quotingContext';
export type { QuoteContext, QuoteKind } from './quotingContext';
export { envReferenceFor, isDisplaySafe, quoteFor, singleQuote } from './shellQuote';
export { MIN_REDACTABLE_LENGTH, REDACTED, redactJson, redactSecrets } from './redact';
export { formatDryRun } from './dryRun';
export { renderRunReport, RUN_STATE_ICONS, STATUS_ICONS } from './report';
export { plannedTimeOf } from './plannedTime';
export type { PlannedTime } from './plannedTime';
export { formatDeltaMs, formatDurationMs, formatTime, msBetween } from './durations';
export { parseRunRecord, RunRecordFormatError } from './validateRecord';
