import { commandName } from '../commandWords';

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'fish']);
/** Programs that open a prompt when run with no arguments. */
const REPLS: ReadonlySet<string> = new Set(['python', 'python3', 'node', 'irb', 'rails', 'redis-cli', 'mongo', 'mongosh', 'sqlite3', 'psql', 'mysql']);

/** The script of `sh -c 'script'` (also `-ec`, `-lc`), if any. */
export function shellScript(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-') || arg.startsWith('--')) return undefined;
    if (arg.includes('c')) return argv[i + 1];
  }
  return undefined;
}

/** A command line that opens a shell or a prompt (`bash`, `psql`, `python` with no script). */
export function opensPrompt(argv: readonly string[]): boolean {
  const name = commandName(argv[0] ?? '');
  const args = argv.slice(1);
  if (SHELLS.has(name)) return !args.some((a) => !a.startsWith('-') || a === '-c' || (!a.startsWith('--') && a.includes('c')));
  if (name === 'psql') return !args.some((a) => a === '-c' || a === '-f' || a.startsWith('--command') || a.startsWith('--file'));
  if (name === 'mysql') return !args.some((a) => a === '-e' || a.startsWith('--execute'));
  return REPLS.has(name) && args.length === 0;
}
