export * from './model';
export { parseRunbook } from './parseRunbook';
export type { ParseOptions } from './parseRunbook';
export { tokenize } from './parseStructure';
export { decodeRunbookBytes } from './decode';
export type { DecodeResult } from './decode';
export type { TimelineEntry } from './timeline';
export type { SectionTraits } from './traits';
