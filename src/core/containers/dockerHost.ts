/**
 * Docker host addresses (`DOCKER_HOST` syntax) turned into connection settings for dockerode,
 * following the Docker CLI (`opts.ParseHost` in docker/cli and `connhelper/ssh`):
 *
 * - `unix:///path/to/docker.sock` (`unix://` alone: the default socket);
 * - `tcp://host[:port]`, a bare `host:port` meaning tcp as in the CLI; port 2375, or 2376 with TLS;
 *   TLS when `DOCKER_TLS_VERIFY` is non-empty (any value, as in the CLI) or `DOCKER_CERT_PATH` is
 *   set, with `ca.pem`, `cert.pem` and `key.pem` from `DOCKER_CERT_PATH` (default `~/.docker`).
 *   The server certificate is always verified (stricter than `docker --tls` without verify);
 * - `ssh://[user@]host[:port]` (port 22; the engine is reached through `docker system dial-stdio`
 *   on the remote host, authenticated by the ssh agent in `SSH_AUTH_SOCK`);
 * - `npipe:////./pipe/docker_engine` (Windows; `npipe://` alone: that default pipe).
 *
 * Pure: files (certificates) are named here and read by the infrastructure client.
 */

/** The socket dockerd listens on by default on Linux and macOS. */
export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
/** The named pipe Docker listens on by default on Windows. */
export const DEFAULT_NAMED_PIPE = '//./pipe/docker_engine';

/** Where to connect, in the shape of dockerode's constructor options. */
export type DockerEndpoint = SocketEndpoint | TcpEndpoint | SshEndpoint;

interface EndpointBase {
  /** The address, normalized, for messages (e.g. `unix:///var/run/docker.sock`). */
  readonly url: string;
}

export interface SocketEndpoint extends EndpointBase {
  readonly protocol: 'unix' | 'npipe';
  /** A unix socket path or a named pipe path (`//./pipe/docker_engine`). */
  readonly socketPath: string;
}

export interface TcpEndpoint extends EndpointBase {
  readonly protocol: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  /** With `https`: the certificate files to read. */
  readonly tls?: TlsFiles;
}

export interface TlsFiles {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

export interface SshEndpoint extends EndpointBase {
  readonly protocol: 'ssh';
  readonly host: string;
  readonly port: number;
  /** The user in the address; undefined: the local user name, as ssh does. */
  readonly username?: string;
  /** The ssh agent socket (`SSH_AUTH_SOCK`), when there is one. */
  readonly agent?: string;
}

/** What the parser reads besides the address itself. */
export interface DockerHostContext {
  /** Environment variables: DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, SSH_AUTH_SOCK. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The home directory, for the default certificate folder `~/.docker`. */
  readonly homeDir?: string;
}

/** A Docker host address that cannot be used, with the reason and an example of a good one. */
export class DockerHostError extends Error {
  override readonly name = 'DockerHostError';
  constructor(
    readonly value: string,
    readonly reason: string,
  ) {
    super(`Invalid Docker host "${value}": ${reason}`);
  }
}

const EXAMPLES = 'unix:///var/run/docker.sock, tcp://127.0.0.1:2375, ssh://user@host or npipe:////./pipe/docker_engine';

/** Parses a Docker host address; throws {@link DockerHostError} with a clear reason for bad ones. */
export function parseDockerHost(value: string, context: DockerHostContext = {}): DockerEndpoint {
  const text = value.trim();
  if (text === '') throw new DockerHostError(value, `it is empty; expected one of ${EXAMPLES}`);
  const schemeEnd = text.indexOf('://');
  // The CLI reads an address without a scheme as tcp (`DOCKER_HOST=127.0.0.1:2375`).
  const scheme = schemeEnd < 0 ? 'tcp' : text.slice(0, schemeEnd).toLowerCase();
  const rest = schemeEnd < 0 ? text : text.slice(schemeEnd + 3);
  switch (scheme) {
    case 'unix':
      return parseUnix(value, rest);
    case 'npipe':
      return parseNpipe(value, rest);
    case 'tcp':
      return parseTcp(value, rest, context);
    case 'ssh':
      return parseSsh(value, rest, context);
    case 'http':
    case 'https':
      throw new DockerHostError(value, `use tcp://${rest} (TLS is chosen by DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as with the Docker CLI)`);
    default:
      throw new DockerHostError(value, `unsupported scheme "${scheme}://"; expected one of ${EXAMPLES}`);
  }
}

function parseUnix(value: string, path: string): SocketEndpoint {
  const socketPath = path === '' ? DEFAULT_UNIX_SOCKET : path;
  if (!socketPath.startsWith('/')) {
    throw new DockerHostError(value, `a unix socket needs an absolute path, with three slashes: unix:///${socketPath}`);
  }
  return { protocol: 'unix', socketPath, url: `unix://${socketPath}` };
}

function parseNpipe(value: string, path: string): SocketEndpoint {
  const socketPath = path === '' ? DEFAULT_NAMED_PIPE : path.replace(/\\/g, '/');
  if (!/^\/\/[^/]+\/pipe\/[^/]+/.test(socketPath)) {
    throw new DockerHostError(value, 'a named pipe is written npipe:////./pipe/<name>, e.g. npipe:////./pipe/docker_engine');
  }
  return { protocol: 'npipe', socketPath, url: `npipe://${socketPath}` };
}

interface Authority {
  readonly user?: string;
  readonly host: string;
  readonly port?: number;
}

/** `[user@]host[:port]`, the host possibly a bracketed IPv6 address; nothing after it but `/`. */
function parseAuthority(value: string, rest: string, scheme: string): Authority {
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  if (path !== '' && path !== '/') {
    throw new DockerHostError(value, `a path after the host ("${path}") is not supported; write ${scheme}://host:port`);
  }
  const at = authority.lastIndexOf('@');
  const user = at < 0 ? undefined : authority.slice(0, at);
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  if (user !== undefined && user.includes(':')) {
    throw new DockerHostError(value, 'a password in the address is not supported (use an ssh key or agent)');
  }
  if (user === '') throw new DockerHostError(value, 'the user name before "@" is empty');
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+))(?::([^:]*))?$/.exec(hostPort);
  const host = match?.[1] ?? match?.[2];
  if (!match || host === undefined) {
    throw new DockerHostError(value, hostPort === '' ? `the host is missing; expected ${scheme}://host:port` : `"${hostPort}" is not host:port`);
  }
  const portText = match[3];
  if (portText === undefined) return { ...(user ? { user } : {}), host };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new DockerHostError(value, `the port "${portText}" is not a number from 1 to 65535`);
  }
  return { ...(user ? { user } : {}), host, port };
}

function parseTcp(value: string, rest: string, context: DockerHostContext): TcpEndpoint {
  const { user, host, port } = parseAuthority(value, rest, 'tcp');
  if (user !== undefined) throw new DockerHostError(value, 'tcp:// takes no user name (did you mean ssh://?)');
  const env = context.env ?? {};
  const verify = (env['DOCKER_TLS_VERIFY'] ?? '') !== '';
  const certPath = env['DOCKER_CERT_PATH'] || undefined;
  const useTls = verify || certPath !== undefined;
  const finalPort = port ?? (useTls ? 2376 : 2375);
  const url = `tcp://${host.includes(':') ? `[${host}]` : host}:${finalPort}`;
  if (!useTls) return { protocol: 'http', host, port: finalPort, url };
  const dir = certPath ?? joinPath(context.homeDir ?? '~', '.docker');
  return {
    protocol: 'https',
    host,
    port: finalPort,
    url,
    tls: { caFile: joinPath(dir, 'ca.pem'), certFile: joinPath(dir, 'cert.pem'), keyFile: joinPath(dir, 'key.pem') },
  };
}

function parseSsh(value: string, rest: string, context: DockerHostContext): SshEndpoint {
  const { user, host, port = 22 } = parseAuthority(value, rest, 'ssh');
  const agent = context.env?.['SSH_AUTH_SOCK'] || undefined;
  const url = `ssh://${user ? `${user}@` : ''}${host.includes(':') ? `[${host}]` : host}${port === 22 ? '' : `:${port}`}`;
  return { protocol: 'ssh', host, port, url, ...(user ? { username: user } : {}), ...(agent ? { agent } : {}) };
}

function joinPath(dir: string, file: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${file}`;
}

/** Where the Docker host address came from. */
export type DockerHostSource = 'config' | 'DOCKER_HOST' | 'default';

/**
 * The Docker host to use, in this order: the environment config's `dockerHost`, then the
 * `DOCKER_HOST` environment variable, then the platform's default (the unix socket
 * `/var/run/docker.sock`, or the named pipe `//./pipe/docker_engine` on Windows). Empty values
 * count as unset. Docker CLI contexts (`docker context use`) are not read.
 */
export function resolveDockerHost(options: {
  readonly configured?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: string;
}): { readonly host: string; readonly source: DockerHostSource } {
  const configured = options.configured?.trim();
  if (configured) return { host: configured, source: 'config' };
  const fromEnv = options.env?.['DOCKER_HOST']?.trim();
  if (fromEnv) return { host: fromEnv, source: 'DOCKER_HOST' };
  const host = options.platform === 'win32' ? `npipe://${DEFAULT_NAMED_PIPE}` : `unix://${DEFAULT_UNIX_SOCKET}`;
  return { host, source: 'default' };
}
