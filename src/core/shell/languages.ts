/**
 * Info-string languages whose blocks hold POSIX-shell scripts. `fish` is left out on purpose:
 * its syntax (no heredocs, `set -x`, `and`/`or`, `(cmd)` substitution) is not what the
 * splitter and the classifier read. PowerShell and `cmd`/`bat` likewise.
 */
const SCRIPT_LANGUAGES: ReadonlySet<string> = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh', 'dash', 'ash', 'shellscript', 'shell-script']);

/** Languages of terminal transcripts: `$ ` prompts, output lines in between. */
const SESSION_LANGUAGES: ReadonlySet<string> = new Set(['console', 'shell-session', 'shellsession', 'sh-session', 'bash-session']);

function normalize(lang: string): string {
  return lang.trim().toLowerCase();
}

/** A transcript language: commands are the prompt lines. */
export function isSessionLanguage(lang: string): boolean {
  return SESSION_LANGUAGES.has(normalize(lang));
}

/** Blocks Deploy Pilot runs: shell scripts and terminal transcripts. */
export function isShellLanguage(lang: string): boolean {
  const l = normalize(lang);
  return SCRIPT_LANGUAGES.has(l) || SESSION_LANGUAGES.has(l);
}
