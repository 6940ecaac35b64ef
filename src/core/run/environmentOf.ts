/**
 * Which environment a step's commands are for, so they run in that environment's terminal (and
 * its `cwd`): the one environment whose name the step's label or commands mention —
 * `deploy/production/.env`, `docker-compose.staging.yml`, `$PRODUCTION_URL`, "Deploy to staging".
 * A name counts where it is not part of a longer word of letters or digits (`_` and `.` separate,
 * so `PRODUCTION_URL` mentions production; `prestaging` does not mention staging). None or several
 * mentioned: the fallback (the default environment), as a person would not guess either.
 */
export function environmentOf(texts: readonly string[], environments: readonly string[], fallback: string): string {
  const mentioned = environments.filter((name) => mentions(texts, name));
  return mentioned.length === 1 && mentioned[0] !== undefined ? mentioned[0] : fallback;
}

function mentions(texts: readonly string[], name: string): boolean {
  if (name.length === 0) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i');
  return texts.some((text) => pattern.test(text));
}
