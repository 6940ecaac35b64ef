// Types and loader for scripts/code-server.mjs (plain ESM, shared with the npm scripts), so the
// TypeScript e2e helpers can use it. Keep in step with that file.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

/** [key, value] pairs of code-server's `payload` query parameter. */
export type Payload = Array<[string, string]>;

export interface StartOptions {
  /** Folder to open (absolute path). */
  workspace?: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** Merged over DEFAULT_SETTINGS into userDataDir/User/settings.json. */
  settings?: Record<string, unknown>;
  /** Default: a free port. */
  port?: number;
  /** stdout and stderr of code-server; default: a temp file removed by stop(). */
  logFile?: string;
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** Skips ensureCodeServer() when the install folder is known. */
  installDir?: string;
  startTimeoutMs?: number;
}

export interface DevHostUrlOptions {
  port: number;
  workspace: string;
  extensionPath: string;
  /** Without it the URL opens a plain Extension Development Host. */
  testsPath?: string;
}

export interface CodeServer {
  port: number;
  pid: number;
  logFile: string;
  userDataDir: string;
  extensionsDir: string;
  url(folder: string, payload?: Payload): string;
  devHostUrl(options: Omit<DevHostUrlOptions, 'port'>): string;
  /** Resolves with the exit code when the code-server process exits. */
  exited: Promise<number | null>;
  /** Kills the process group and waits for it; idempotent. */
  stop(): Promise<void>;
}

export interface Chromium {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  /** Closes the browser and removes its profile; idempotent. */
  close(): Promise<void>;
}

export interface CodeServerApi {
  readonly repoRoot: string;
  readonly DEFAULT_SETTINGS: Readonly<Record<string, unknown>>;
  readonly CHROMIUM_PATH: string;
  readonly CHROMIUM_FLAGS: readonly string[];
  ensureCodeServer(): Promise<string>;
  freePort(preferred?: number): Promise<number>;
  buildUrl(port: number, folder: string, payload?: Payload): string;
  devHostUrl(options: DevHostUrlOptions): string;
  tail(file: string, n?: number): string;
  startCodeServer(options: StartOptions): Promise<CodeServer>;
  /** `--install-extension vsix --extensions-dir extensionsDir`; resolves with the CLI output. */
  installExtension(options: {
    vsix: string;
    extensionsDir: string;
    userDataDir?: string;
    installDir?: string;
    timeoutMs?: number;
  }): Promise<string>;
  launchChromium(options?: {
    viewport?: { width: number; height: number };
    headless?: boolean;
    /** Let Playwright close the browser and exit on SIGINT/SIGTERM/SIGHUP (default true). */
    handleSignals?: boolean;
  }): Promise<Chromium>;
  findOnPath(command: string): string | undefined;
  /** Runs `fn` synchronously if the process exits first; returns the function that cancels that. */
  onExitSync(fn: () => void): () => void;
}

/** out/test/e2e → the repository root. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

// Under "module": "commonjs" TypeScript turns import() into require(), which cannot load an
// .mjs file on every Node 20; this keeps a real dynamic import.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let api: Promise<CodeServerApi> | undefined;

/** scripts/code-server.mjs, loaded once. */
export function codeServerApi(): Promise<CodeServerApi> {
  api ??= importEsm(pathToFileURL(path.join(repoRoot, 'scripts', 'code-server.mjs')).href) as Promise<CodeServerApi>;
  return api;
}
