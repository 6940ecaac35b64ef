/** A `git log` format whose separators survive newlines in commit bodies, and its parser. */
import type { CommitInfo } from './types';

const RECORD = '\x1e';
const FIELD = '\x1f';

/** `--format` value: record separator, then hash, subject and body separated by unit separators. */
export const LOG_FORMAT = '%x1e%H%x1f%s%x1f%b';

export function parseLog(output: string): CommitInfo[] {
  const commits: CommitInfo[] = [];
  for (const record of output.split(RECORD)) {
    if (record.trim() === '') continue;
    const [hash = '', subject = '', ...rest] = record.split(FIELD);
    commits.push({ hash: hash.trim(), subject, body: rest.join(FIELD).replace(/\s+$/, '') });
  }
  return commits;
}
