/**
 * The test service as a standalone program (compiled to out/test/support/testService/main.js;
 * the folder needs nothing but Node built-ins, so it runs in an image that only has `node`):
 *
 *   node main.js [--port 18080] [--host 127.0.0.1] [--app-version 1.0.0]
 *                [--fault error500] [--error-ratio 0.25] [--delay-ms 500]
 *                [--leak-bytes-per-second 1048576] [--traffic-per-second 20]
 *
 * Flags win over the environment: PORT, HOST, APP_VERSION, FAULT (a mode or the JSON object),
 * FAULT_ERROR_RATIO, FAULT_DELAY_MS, FAULT_LEAK_BYTES_PER_SECOND, TRAFFIC_PER_SECOND.
 * In a container pass `--host 0.0.0.0` and publish the port on 127.0.0.1 only.
 * Prints `listening on <url>` once ready; SIGTERM/SIGINT close it and exit 0.
 */
import { parseArgs } from 'node:util';
import { faultFromEnv } from './faults';
import type { Fault } from './faults';
import { startTestService } from './server';
import type { TestServiceOptions } from './server';

function numberOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got ${raw}`);
  return value;
}

/** The service options from the command line and the environment (flags first). */
export function optionsFromCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): TestServiceOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-version': { type: 'string' },
      fault: { type: 'string' },
      'error-ratio': { type: 'string' },
      'delay-ms': { type: 'string' },
      'leak-bytes-per-second': { type: 'string' },
      'traffic-per-second': { type: 'string' },
    },
    strict: true,
  });
  const fault: Fault | undefined = faultFromEnv({
    FAULT: values.fault ?? env.FAULT,
    FAULT_ERROR_RATIO: values['error-ratio'] ?? env.FAULT_ERROR_RATIO,
    FAULT_DELAY_MS: values['delay-ms'] ?? env.FAULT_DELAY_MS,
    FAULT_LEAK_BYTES_PER_SECOND: values['leak-bytes-per-second'] ?? env.FAULT_LEAK_BYTES_PER_SECOND,
  });
  return {
    port: numberOption('--port', values.port ?? env.PORT) ?? 18080,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    version: values['app-version'] ?? env.APP_VERSION ?? '1.0.0',
    fault,
    trafficPerSecond: numberOption('--traffic-per-second', values['traffic-per-second'] ?? env.TRAFFIC_PER_SECOND),
  };
}

async function main(): Promise<void> {
  const service = await startTestService(optionsFromCommandLine(process.argv.slice(2), process.env));
  console.log(`listening on ${service.url}`);
  const stop = (): void => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
