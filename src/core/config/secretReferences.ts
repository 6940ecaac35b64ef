/** `${secret:NAME}` references in config values (health-check headers). */

const SECRET_REFERENCE = /\$\{secret:([A-Za-z_][A-Za-z0-9_]*)\}/g;
const SECRET_REFERENCE_START = /\$\{secret:/g;

/** Headers that carry credentials: their values belong in `${secret:NAME}`, not in files. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'private-token']);

/** Names referenced as `${secret:NAME}`, in order of appearance. */
export function findSecretReferences(value: string): string[] {
  return [...value.matchAll(SECRET_REFERENCE)].map((match) => match[1] ?? '');
}

/** True when some `${secret:` does not form `${secret:NAME}`. */
export function hasMalformedSecretReference(value: string): boolean {
  return (value.match(SECRET_REFERENCE_START)?.length ?? 0) > findSecretReferences(value).length;
}

/** `value` with every `${secret:NAME}` replaced by `lookup(NAME)`. */
export function replaceSecretReferences(value: string, lookup: (name: string) => string): string {
  return value.replace(SECRET_REFERENCE, (_, name: string) => lookup(name));
}

/** A credential header (Authorization, X-API-Key, Cookie…) written as a literal value. */
export function isLiteralCredential(headerName: string, value: string): boolean {
  return CREDENTIAL_HEADERS.has(headerName.toLowerCase()) && value.trim() !== '' && !value.includes('${');
}
