/**
 * Shell commands of runbook code blocks: splitting a block into the commands an operator
 * runs, classifying them (destructive, long-running, interactive), finding their variables
 * and linting them. Pure TypeScript, no VS Code API.
 */
export type { CommandClassification, CommandIssue, ShellCommand, VariableKind, VariableRef } from './types';
export { splitCommands, label } from './splitCommands';
export { isShellLanguage, isSessionLanguage } from './languages';
export { looksLikeShell } from './looksLikeShell';
export { classifyCommand } from './classify';
export { findVariables, isWellKnownShellVariable } from './variables';
export { lintCommand } from './lint';
