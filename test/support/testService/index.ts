/** The monitoring test service: start it in-process, or run main.js as a standalone program. */
export { startTestService } from './server';
export type { LastRequest, TestService, TestServiceOptions, TestServiceStats } from './server';
export { FAULT_MODES, parseFault } from './faults';
export type { Fault, FaultMode } from './faults';
export { DURATION_BUCKETS, EXPOSITION_CONTENT_TYPE } from './metrics';
