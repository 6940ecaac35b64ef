import { findVariables } from '../shell';
import { quoteContexts } from './quotingContext';
import { redactSecrets } from './redact';
import { envReferenceFor, isDisplaySafe, quoteFor } from './shellQuote';

/**
 * How a command's variables reach the shell. The goal: what the operator sees in the terminal
 * is exactly what runs, and no secret value is ever typed, shown, logged or recorded.
 *
 * - `$VAR` / `${VAR…}` stay as written: the shell expands them from the terminal's environment
 *   (`env`), with the runbook's own quoting, word splitting and `${VAR:-default}` semantics. The
 *   terminal shows the runbook's command verbatim, and that is what runs. Substituting values
 *   into the text instead would change meaning (an unquoted `$FLAGS` splits into words, a quoted
 *   value would not) and would make secrets visible. The values of non-secret variables are kept
 *   in the run record (`variables`), so the audit shows what `$TAG` was.
 * - `<placeholder>` is not shell syntax: it stands for text the operator would type. A
 *   non-secret value is written in, quoted for where it stands (unquoted, in double or single
 *   quotes, `$'…'`, a heredoc, `${…}`) so it reaches the command as one literal string:
 *   `docker pull app:<tag>` → `docker pull app:v1.2.3`, `"Bearer <token id>"` stays one word,
 *   `it's` → `'it'\''s'`. The operator sees the value that runs.
 * - A secret placeholder, and any value that cannot be shown as is (control characters such as
 *   newline or escape, zero-width or bidi characters: the screen would not show what runs, and
 *   typed into a terminal they act as keystrokes), or that contains a secret's value, is passed
 *   through the environment instead: `<api-key>` → `"${DP_API_KEY}"`, with `DP_API_KEY` in
 *   `env`. The reference is what the terminal, the logs and the record show.
 *
 * So `text` never holds a secret value, and `display` (for logs and records) equals `text`
 * (run through redactSecrets as a last defence). The adapter must give the terminal every entry
 * of `env` (create it with that environment, or a new one when a value differs: see envChanges).
 */
export interface RenderedCommand {
  /** What to send to the shell. */
  readonly text: string;
  /** Environment variables the terminal must have for `text` to run as meant, secrets included. */
  readonly env: Readonly<Record<string, string>>;
  /** For logs and run records: `text` without any secret value. */
  readonly display: string;
  /** Why `text` must not be sent as it is; empty when it can. */
  readonly issues: readonly RenderIssue[];
}

export interface RenderIssue {
  /** The placeholder's name. */
  readonly name: string;
  /**
   * - `missing`: no value given; `<name>` left in the text (the shell would read it as a
   *   redirection).
   * - `notPassable`: the value cannot be passed: a NUL character, or a secret (or unshowable
   *   value) inside a quoted heredoc, where nothing expands.
   */
  readonly reason: 'missing' | 'notPassable';
}

/** The environment variable that carries a placeholder's value: `<your-api-key>` → `DP_YOUR_API_KEY`. */
export function placeholderEnvName(name: string): string {
  return `DP_${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
}

/** Names whose value in `env` differs from the terminal's: a terminal created without them cannot run the command as meant. */
export function envChanges(terminalEnv: Readonly<Record<string, string | undefined>>, env: Readonly<Record<string, string>>): string[] {
  return Object.keys(env).filter((name) => !Object.prototype.hasOwnProperty.call(terminalEnv, name) || terminalEnv[name] !== env[name]);
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The command ready to send: placeholders filled in (quoted for their context) or passed as
 * environment references, `$VAR` kept for the shell to expand from `env`. `values` maps variable
 * names (placeholder names without `<>`) to values; `secrets` names the secret ones.
 */
export function renderCommand(text: string, values: ReadonlyMap<string, string>, secrets: ReadonlySet<string>): RenderedCommand {
  const secretValues = [...secrets].map((name) => values.get(name)).filter((v): v is string => v !== undefined && v !== '');
  const refs = findVariables(text);
  const env = new Map<string, string>();
  const issues: RenderIssue[] = [];

  for (const ref of refs) {
    const value = values.get(ref.name);
    if (ref.kind === 'env' && value !== undefined && !value.includes('\0')) env.set(ref.name, value);
  }

  const placeholders = refs.filter((r) => r.kind === 'placeholder');
  const contexts = quoteContexts(text, placeholders.map((p) => p.column));
  const envNameOf = new Map<string, string>();
  const replacements: Replacement[] = [];
  placeholders.forEach((ref, index) => {
    const context = contexts[index] ?? { kind: 'none', backquoted: false };
    const end = ref.column + ref.name.length + 2;
    const value = values.get(ref.name);
    if (value === undefined) {
      issues.push({ name: ref.name, reason: 'missing' });
      return;
    }
    if (value.includes('\0')) {
      issues.push({ name: ref.name, reason: 'notPassable' });
      return;
    }
    const inline = !secrets.has(ref.name) && isDisplaySafe(value) && !secretValues.some((s) => value.includes(s));
    const quoted = inline ? quoteFor(context, value) : undefined;
    if (quoted !== undefined) {
      replacements.push({ start: ref.column, end, text: quoted });
      return;
    }
    let envName = envNameOf.get(ref.name);
    if (envName === undefined) {
      const base = placeholderEnvName(ref.name);
      envName = base;
      for (let n = 2; env.has(envName) && env.get(envName) !== value; n++) envName = `${base}_${n}`;
      envNameOf.set(ref.name, envName);
    }
    const reference = envReferenceFor(context, envName);
    if (reference === undefined) {
      issues.push({ name: ref.name, reason: 'notPassable' });
      return;
    }
    env.set(envName, value);
    replacements.push({ start: ref.column, end, text: reference });
  });

  let out = '';
  let last = 0;
  for (const r of replacements.sort((a, b) => a.start - b.start)) {
    out += text.slice(last, r.start) + r.text;
    last = r.end;
  }
  out += text.slice(last);
  return { text: out, env: Object.fromEntries(env), display: redactSecrets(out, secretValues), issues };
}
