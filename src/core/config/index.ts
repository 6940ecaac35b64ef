// Runbook config: YAML front matter and `<name>.deploy-pilot.yaml` sidecar files, checked
// against schemas/runbook-config.schema.json and normalized. No VS Code here.
export { extractFrontMatter } from './frontMatter';
export type { FrontMatter } from './frontMatter';
export { parseRunbookConfig } from './parse';
export type { ParsedRunbookConfig } from './parse';
export { loadRunbookConfig, sidecarPathFor } from './load';
export type { ConfigFile, LoadedRunbookConfig, RunbookConfigSources } from './load';
export { mergeConfigs } from './merge';
export { normalizeConfig } from './normalize';
export { parseDuration, formatDuration } from './duration';
export { CONFIG_DEFAULTS, maxHealthTimeoutSeconds } from './defaults';
export { alertAppliesTo } from './alertScope';
export { isAcceptedStatus, parseStatusRange } from './statusRanges';
export { findSecretReferences, replaceSecretReferences } from './secretReferences';
export { runbookConfigSchema, RUNBOOK_CONFIG_SCHEMA_ID } from './schema';
export type { ConfigDiagnostic, ConfigDiagnosticCode, ConfigDiagnosticSeverity, ConfigLocation, ConfigOrigin } from './diagnostics';
export type * from './types';
