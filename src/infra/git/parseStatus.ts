/** Parsing of `git status --porcelain -z` output. */

export interface StatusEntry {
  /** Two-letter porcelain code, e.g. ' M', '??', 'UU'. */
  code: string;
  path: string;
}

/** Unmerged (conflict) codes of `git status --porcelain`. */
const CONFLICT_CODES = new Set(['UU', 'AA', 'DD', 'AU', 'UA', 'DU', 'UD']);

export function isConflictCode(code: string): boolean {
  return CONFLICT_CODES.has(code);
}

/** Parses NUL-separated porcelain v1 records; renames/copies carry their source path as an extra record. */
export function parsePorcelainZ(output: string): StatusEntry[] {
  const records = output.split('\0');
  const entries: StatusEntry[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i] ?? '';
    if (record.length < 4) continue;
    const code = record.slice(0, 2);
    entries.push({ code, path: record.slice(3) });
    if (code[0] === 'R' || code[0] === 'C') i++; // skip the original path
  }
  return entries;
}
