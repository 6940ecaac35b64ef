export * from './model';
export { parseRunbook } from './parseRunbook';
export type { ParseOptions } from './parseRunbook';
export { tokenize } from './parseStructure';
export { decodeRunbookBytes } from './decode';
export type { DecodeResult } from './decode';
export type { TimelineEntry } from './timeline';
export type { SectionTraits } from './traits';
export { runbookToJson, diagnosticJson, RUNBOOK_JSON_FORMAT, RUNBOOK_JSON_VERSION } from './toJson';
