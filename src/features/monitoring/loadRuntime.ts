import * as path from 'node:path';
import type { MonitoringRuntime } from '../../infra/monitoring/runtimeTypes';

interface RuntimeModule {
  createMonitoringRuntime(): MonitoringRuntime;
}

/**
 * Loads dist/monitoring.js (undici, dockerode and the Prometheus client, bundled on their own)
 * the first time monitoring starts: activation never parses them.
 */
export function loadMonitoringRuntime(extensionPath: string): MonitoringRuntime {
  const file = path.join(extensionPath, 'dist', 'monitoring.js');
  // A computed path: esbuild leaves this require to Node at run time (the lazy load is the point).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file) as RuntimeModule;
  return loaded.createMonitoringRuntime();
}
