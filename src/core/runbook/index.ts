export * from './model';
export { parseRunbook, tokenize } from './parse';
export { decodeRunbookBytes } from './decode';
export type { DecodeResult } from './decode';
