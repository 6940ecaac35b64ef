import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RunRecord, RunState, RunbookRef } from '../../core/run';
import { isValidRunId, parseRunRecord, redactJson, RunRecordFormatError } from '../../core/run';
import type { AtomicWriteFs } from './atomicWrite';
import { nodeAtomicWriteFs, writeFileAtomic } from './atomicWrite';
import { CoalescingWriteQueue } from './writeQueue';

/** What list() tells about a run without keeping the whole record. */
export interface RunSummary {
  readonly id: string;
  readonly file: string;
  readonly runbook: RunbookRef;
  readonly environment?: string;
  readonly operator: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly state: RunState;
  readonly dryRun: boolean;
  readonly commandCount: number;
}

export interface RunRecordStoreOptions {
  /** Secret values redacted from every record written (defence in depth); see registerSecrets. */
  readonly secretValues?: Iterable<string>;
  /** Told about files list() and latestFor() skip (corrupt, truncated, unknown version). */
  readonly onWarning?: (message: string) => void;
  /** For tests: the file operations of atomic writes. */
  readonly fs?: AtomicWriteFs;
}

const RECORD_FILE = /^(.+)\.json$/;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Run records in a folder, one `<id>.json` per run (Node fs only, no VS Code).
 *
 * Writes are atomic (temp file `<id>.json.tmp-<pid>-<n>`, flushed, then renamed over the record),
 * serialised per record so they never interleave, and coalesced: while one write of a record
 * runs, only the latest further state waits (intermediate ones are skipped, the final one is
 * always written). Every write redacts the known secret values from the serialized JSON.
 * Readers ignore temp files, so a crash at any moment leaves the last complete version.
 */
export class RunRecordStore {
  private readonly secrets = new Set<string>();
  private readonly queue: CoalescingWriteQueue<RunRecord>;
  private readonly fsOps: AtomicWriteFs;
  private readonly warn: (message: string) => void;
  private tempCounter = 0;
  private folderReady: Promise<void> | undefined;

  constructor(
    readonly folder: string,
    options: RunRecordStoreOptions = {},
  ) {
    this.registerSecrets(options.secretValues ?? []);
    this.fsOps = options.fs ?? nodeAtomicWriteFs;
    this.warn = options.onWarning ?? (() => undefined);
    this.queue = new CoalescingWriteQueue((id, record) => this.writeNow(id, record));
  }

  /** Secret values of the run (prompt answers, settings): never written, even by mistake. Kept in memory only. */
  registerSecrets(values: Iterable<string>): void {
    for (const value of values) if (value !== '') this.secrets.add(value);
  }

  fileFor(id: string): string {
    if (!isValidRunId(id)) throw new Error(`Invalid run id "${id}"`);
    return path.join(this.folder, `${id}.json`);
  }

  /** The JSON written for a record: indented, secrets redacted. */
  serialize(record: RunRecord): string {
    return redactJson(`${JSON.stringify(record, null, 2)}\n`, this.secrets);
  }

  /** Writes a new record; fails when a record with its id exists. */
  async create(record: RunRecord): Promise<void> {
    const file = this.fileFor(record.id);
    await this.ensureFolder();
    const exists = await fs.access(file).then(
      () => true,
      () => false,
    );
    if (exists) throw new Error(`Run record ${file} already exists`);
    await this.write(record);
  }

  /** Queues the record's current state; resolves once that state (or a newer one) is on disk. */
  write(record: RunRecord): Promise<void> {
    try {
      this.fileFor(record.id);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(message(error)));
    }
    return this.queue.enqueue(record.id, record);
  }

  /** Settles when every queued write is done (call before the host shuts down). */
  flush(): Promise<void> {
    return this.queue.idle();
  }

  /** Every readable run, newest first. Unreadable files are skipped with a warning. */
  async list(): Promise<RunSummary[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const ids = names.map((n) => RECORD_FILE.exec(n)?.[1]).filter((id): id is string => id !== undefined && isValidRunId(id));
    const read = await Promise.all(
      ids.map(async (id) => {
        try {
          return summaryOf(await this.read(id), this.fileFor(id));
        } catch (error) {
          this.warn(`Skipped run record: ${message(error)}`);
          return undefined;
        }
      }),
    );
    return read
      .filter((s): s is RunSummary => s !== undefined)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
  }

  /** The record; throws RunRecordFormatError naming the file when it is corrupt, truncated or of an unknown version. */
  async read(id: string): Promise<RunRecord> {
    const file = this.fileFor(id);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new Error(`No run record ${file}`);
      throw error;
    }
    if (text.trim() === '') throw new RunRecordFormatError(file, 'the file is empty (truncated?)');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new RunRecordFormatError(file, `not valid JSON, the file is truncated or corrupt (${message(error)})`);
    }
    const record = parseRunRecord(data, file);
    if (record.id !== id) throw new RunRecordFormatError(file, `holds run "${record.id}", not "${id}"`);
    return record;
  }

  /** The newest readable run of a runbook (workspace-relative path; `\` and `/` alike). */
  async latestFor(runbookPath: string): Promise<RunRecord | undefined> {
    const wanted = runbookPath.replace(/\\/g, '/');
    for (const summary of await this.list()) {
      if (summary.runbook.path.replace(/\\/g, '/') !== wanted) continue;
      try {
        return await this.read(summary.id);
      } catch (error) {
        this.warn(`Skipped run record: ${message(error)}`);
      }
    }
    return undefined;
  }

  /** Removes temp files left by writes that crashed, older than `olderThanMs` (so a live writer's is kept). */
  async removeStaleTempFiles(olderThanMs = 60_000, now: Date = new Date()): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names.filter((n) => /\.json\.tmp-/.test(n))) {
      const file = path.join(this.folder, name);
      try {
        const stat = await fs.stat(file);
        if (now.getTime() - stat.mtimeMs < olderThanMs) continue;
        await fs.unlink(file);
        removed++;
      } catch {
        // Gone meanwhile, or not ours to remove.
      }
    }
    return removed;
  }

  private ensureFolder(): Promise<void> {
    this.folderReady ??= fs.mkdir(this.folder, { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        this.folderReady = undefined;
        throw error;
      },
    );
    return this.folderReady;
  }

  private async writeNow(id: string, record: RunRecord): Promise<void> {
    const file = this.fileFor(id);
    const data = this.serialize(record);
    await this.ensureFolder();
    try {
      await writeFileAtomic(file, `${file}.tmp-${process.pid}-${++this.tempCounter}`, data, this.fsOps);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      // The folder was removed meanwhile (a `git clean`): create it again, once.
      this.folderReady = undefined;
      await this.ensureFolder();
      await writeFileAtomic(file, `${file}.tmp-${process.pid}-${++this.tempCounter}`, data, this.fsOps);
    }
  }
}

function summaryOf(record: RunRecord, file: string): RunSummary {
  return {
    id: record.id,
    file,
    runbook: record.runbook,
    ...(record.environment !== undefined ? { environment: record.environment } : {}),
    operator: record.operator,
    startedAt: record.startedAt,
    ...(record.endedAt !== undefined ? { endedAt: record.endedAt } : {}),
    state: record.state,
    dryRun: record.dryRun,
    commandCount: record.commands.length,
  };
}
