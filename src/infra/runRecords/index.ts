/** Run records on disk: one JSON file per run, written atomically. Node fs only, no VS Code. */
export { RunRecordStore } from './runRecordStore';
export type { RunRecordStoreOptions, RunSummary } from './runRecordStore';
export { resolveRunsFolder } from './runsFolder';
export { writeFileAtomic, nodeAtomicWriteFs } from './atomicWrite';
export type { AtomicWriteFs } from './atomicWrite';
export { CoalescingWriteQueue } from './writeQueue';
