/**
 * Defence in depth for secrets. By construction no secret value reaches a command text, a log
 * line or a run record (secrets travel in the terminal's environment and are written as
 * `${NAME}`); these functions remove any that slipped in anyway before text is written.
 */

export const REDACTED = '[REDACTED]';

/**
 * Values shorter than this are not searched for: a 1–3 character value cannot be told apart
 * from ordinary text, and redacting it would rewrite ids, labels and numbers everywhere.
 */
export const MIN_REDACTABLE_LENGTH = 4;

function redactable(secretValues: Iterable<string>): string[] {
  const unique = new Set<string>();
  for (const value of secretValues) if (value.length >= MIN_REDACTABLE_LENGTH) unique.add(value);
  // Longest first, so a secret that contains another is replaced whole.
  return [...unique].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of a secret value replaced by `[REDACTED]`. */
export function redactSecrets(text: string, secretValues: Iterable<string>): string {
  let out = text;
  for (const secret of redactable(secretValues)) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * Serialized JSON with secret values redacted inside its string values (decoded first, so an
 * escaped form such as `pa\"ss\nword` is found too). Object keys, numbers and the structure are
 * left alone: the result is valid JSON whenever the input is.
 */
export function redactJson(json: string, secretValues: Iterable<string>): string {
  const secrets = redactable(secretValues);
  if (secrets.length === 0) return json;
  return json.replace(JSON_STRING, (literal: string, offset: number) => {
    const after = /^\s*(.)/.exec(json.slice(offset + literal.length, offset + literal.length + 64))?.[1];
    if (after === ':') return literal;
    let decoded: unknown;
    try {
      decoded = JSON.parse(literal);
    } catch {
      return literal;
    }
    if (typeof decoded !== 'string') return literal;
    const redacted = redactSecrets(decoded, secrets);
    return redacted === decoded ? literal : JSON.stringify(redacted);
  });
}
