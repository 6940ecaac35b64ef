import { promises as fs } from 'node:fs';

/** The file operations an atomic write uses; tests swap them to simulate crashes. */
export interface AtomicWriteFs {
  writeFile(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

/** Writes and flushes to disk (fsync) before returning, so a rename never exposes an empty file after a power loss. */
async function writeDurably(file: string, data: string): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeAtomicWriteFs: AtomicWriteFs = {
  writeFile: writeDurably,
  rename: (from, to) => fs.rename(from, to),
  unlink: (file) => fs.unlink(file),
};

/** Windows refuses to replace a file another process has open (a reader, an antivirus) for a moment. */
const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_ATTEMPTS = 5;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Replaces `file` with `data` atomically: writes `temp` (created exclusively, flushed), then
 * renames it over `file`. Readers see the old content or the new one, never a mix or a
 * truncated file, even if the process is killed in between (a stale temp file is left then).
 * On failure the temp file is removed and the error rethrown; `file` keeps its old content.
 */
export async function writeFileAtomic(file: string, temp: string, data: string, fsOps: AtomicWriteFs = nodeAtomicWriteFs): Promise<void> {
  try {
    await fsOps.writeFile(temp, data);
    for (let attempt = 1; ; attempt++) {
      try {
        await fsOps.rename(temp, file);
        return;
      } catch (error) {
        if (attempt >= RENAME_ATTEMPTS || !RETRYABLE.has(errorCode(error) ?? '')) throw error;
        await delay(10 * attempt * attempt);
      }
    }
  } catch (error) {
    await fsOps.unlink(temp).catch(() => undefined);
    throw error;
  }
}
