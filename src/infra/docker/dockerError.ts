/** Errors of the Docker client, each with a message that says what failed and what to do. */
import type { DockerHostSource } from '../../core/containers';

export type DockerErrorKind =
  /** The engine could not be reached (no socket, connection refused, permission denied, ssh failed). */
  | 'unreachable'
  /** The engine did not answer in time. */
  | 'timeout'
  /** No such container (HTTP 404). */
  | 'not-found'
  /** The container exists but is not running, so it has no stats. */
  | 'not-running'
  /** The engine answered with an error. */
  | 'engine'
  /** The Docker host address or its TLS files cannot be used. */
  | 'config';

export class DockerError extends Error {
  override readonly name = 'DockerError';
  constructor(
    readonly kind: DockerErrorKind,
    message: string,
    /** The engine address, e.g. `unix:///var/run/docker.sock`. */
    readonly host: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What the user can do when the engine cannot be reached, by where its address came from. */
export function reachHint(source: DockerHostSource): string {
  switch (source) {
    case 'config':
      return "start Docker or fix 'dockerHost' in the environment config";
    case 'DOCKER_HOST':
      return 'start Docker or fix DOCKER_HOST';
    case 'default':
      return 'start Docker or set DOCKER_HOST';
  }
}

const UNREACHABLE_CODES = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOTSOCK',
  'EACCES',
  'EPERM',
]);

interface ErrorFields {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly json?: unknown;
  readonly level?: unknown;
  readonly message?: unknown;
}

/**
 * Turns what dockerode / docker-modem / ssh2 rejected with into a {@link DockerError}.
 * `operation` names the call for messages (e.g. `stats of web-1`).
 */
export function toDockerError(error: unknown, host: string, source: DockerHostSource, operation: string): DockerError {
  if (error instanceof DockerError) return error;
  const fields: ErrorFields = typeof error === 'object' && error !== null ? error : {};
  const message = typeof fields.message === 'string' ? fields.message.trim() : String(error);
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const status = typeof fields.statusCode === 'number' ? fields.statusCode : undefined;
  if (status !== undefined) {
    const engineMessage = engineMessageOf(fields.json) ?? message;
    if (status === 404) return new DockerError('not-found', `${capitalize(engineMessage)} (${operation} at ${host})`, host, { cause: error });
    return new DockerError('engine', `Docker engine at ${host} answered HTTP ${status} to ${operation}: ${engineMessage}`, host, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DockerError(
      'unreachable',
      `Docker engine not reachable at ${host}: ${message} — permission denied: add your user to the docker group (then log in again), or ${reachHint(source)}`,
      host,
      { cause: error },
    );
  }
  if ((code !== undefined && UNREACHABLE_CODES.has(code)) || typeof fields.level === 'string') {
    // ssh2 marks its errors with `level` (client-socket, client-authentication, …).
    return new DockerError('unreachable', `Docker engine not reachable at ${host}: ${message} — ${reachHint(source)}`, host, { cause: error });
  }
  return new DockerError('engine', `Docker call failed (${operation} at ${host}): ${message}`, host, { cause: error });
}

function engineMessageOf(json: unknown): string | undefined {
  if (typeof json === 'object' && json !== null && 'message' in json) {
    const message = json.message;
    if (typeof message === 'string' && message.trim() !== '') return message.trim();
  }
  if (typeof json === 'string' && json.trim() !== '') return json.trim();
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
