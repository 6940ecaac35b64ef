/** The Docker engine client (dockerode): finds monitored containers and reads their stats and state. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type Docker from 'dockerode';
import type { ContainerInfo, ContainerInspectInfo, ContainerStats, DockerOptions } from 'dockerode';
import {
  DockerHostError,
  baselineOf,
  cpuPercent,
  matchContainers,
  memoryUsage,
  parseDockerHost,
  resolveDockerHost,
  stripSlash,
  COMPOSE_PROJECT_LABEL,
  COMPOSE_SERVICE_LABEL,
} from '../../core/containers';
import type { ContainerBaseline, ContainerQuery, DockerEndpoint, DockerHostSource, MatchReason } from '../../core/containers';
import { withDeadline } from './deadline';
import { DockerError, toDockerError } from './dockerError';
import { dockerodeOptions } from './dockerodeOptions';

/** Default time limit of one engine call. A non-one-shot stats call alone takes 1–2 s. */
export const DEFAULT_DOCKER_TIMEOUT_MS = 10_000;

export interface DockerClientOptions {
  /** Time limit of each engine call (default {@link DEFAULT_DOCKER_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** Environment variables (default `process.env`): DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, SSH_AUTH_SOCK. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Clock for the samples' `at` (default `Date.now`). */
  readonly now?: () => number;
}

export interface FindContainersOptions extends ContainerQuery {
  /** Also return containers that are not running (exited, created, restarting, …). Default false. */
  readonly includeStopped?: boolean;
}

/** A container found by {@link DockerClient.findContainers}. */
export interface FoundContainer {
  readonly id: string;
  /** The first name, without the leading slash. */
  readonly name: string;
  /** The image as the container was created with it (name:tag, or an ID). */
  readonly image: string;
  /** `running`, `exited`, `restarting`, … */
  readonly state: string;
  /** Human status, e.g. `Up 5 minutes`. */
  readonly status: string;
  readonly composeProject?: string;
  readonly composeService?: string;
  readonly matchedBy: MatchReason;
}

/** One memory and CPU reading of a container, in the Docker CLI's terms (`docker stats`). */
export interface ContainerSample {
  /** MEM USAGE: usage without the inactive page cache. */
  readonly memoryBytes: number;
  /** LIMIT: the container's limit, or the host's memory. */
  readonly memoryLimitBytes: number;
  /** MEM %. */
  readonly memoryPercent: number;
  /** CPU % (100 = one CPU); absent for a one-shot sample (no previous sample to compare with). */
  readonly cpuPercent?: number;
  /** When the answer arrived (local clock, ms since the epoch). */
  readonly at: number;
}

export interface StatsOptions {
  /**
   * `one-shot=true` (API ≥ 1.41): answer at once without a previous sample, so no CPU %.
   * Default false: the engine waits for a second sample (1–2 s) and fills `precpu_stats`.
   */
  readonly oneShot?: boolean;
}

/**
 * A Docker engine at one address. Every call has a time limit and fails with a {@link DockerError}
 * whose message says what to do.
 */
export class DockerClient {
  private readonly options: DockerOptions;
  private docker: Docker | undefined;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    /** Where the engine is. */
    readonly endpoint: DockerEndpoint,
    /** Where that address came from: the environment config, DOCKER_HOST or the default. */
    readonly source: DockerHostSource,
    options: DockerClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DOCKER_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    try {
      this.options = dockerodeOptions(endpoint);
    } catch (error) {
      throw this.setupError(error);
    }
  }

  /** The engine address, e.g. `unix:///var/run/docker.sock`. */
  get host(): string {
    return this.endpoint.url;
  }

  /** Checks that the engine answers (`GET /_ping`). */
  async ping(): Promise<void> {
    // dockerode 5 takes options here (`ping({ abortSignal })`); @types/dockerode 4 lacks that overload.
    await this.call('ping', (abortSignal, docker) => {
      const ping = docker.ping.bind(docker) as unknown as (options: { abortSignal: AbortSignal }) => Promise<unknown>;
      return ping({ abortSignal });
    });
  }

  /**
   * The containers a monitored environment means: exact names (with or without the leading `/`)
   * and compose project / service labels, the union of both; running ones only unless
   * `includeStopped`. See {@link matchContainers}.
   */
  async findContainers(query: FindContainersOptions): Promise<FoundContainer[]> {
    const options = { all: query.includeStopped === true };
    const list = await this.call('list containers', (abortSignal, docker) => docker.listContainers({ ...options, abortSignal }));
    return matchContainers(list, query).map(({ entry, reason }) => found(entry, reason));
  }

  /**
   * The raw stats of a container, once: `stream: false` is passed explicitly because the stats
   * endpoint streams by default (dockerode's promise would then resolve with a stream).
   */
  async statsOnce(id: string, options: StatsOptions = {}): Promise<ContainerStats> {
    return this.call(`stats of ${id}`, (abortSignal, docker) => {
      const query = { stream: false as const, 'one-shot': options.oneShot === true, abortSignal };
      return docker.getContainer(id).stats(query);
    });
  }

  /**
   * A memory and CPU reading with the Docker CLI's formulas ({@link memoryUsage},
   * {@link cpuPercent}). Fails with kind `not-running` when the container has no memory figures.
   */
  async sample(id: string, options: StatsOptions = {}): Promise<ContainerSample> {
    const stats = await this.statsOnce(id, options);
    const at = this.now();
    const memory = memoryUsage(stats);
    if (memory === undefined) {
      throw new DockerError('not-running', `Container ${id} has no memory figures: it is not running (stats at ${this.host})`, this.host);
    }
    const cpu = cpuPercent(stats);
    return {
      memoryBytes: memory.usedBytes,
      memoryLimitBytes: memory.limitBytes,
      memoryPercent: memory.percent,
      ...(cpu === undefined ? {} : { cpuPercent: cpu }),
      at,
    };
  }

  /** `docker inspect` of a container. */
  async inspect(id: string): Promise<ContainerInspectInfo> {
    return this.call(`inspect of ${id}`, (abortSignal, docker) => docker.getContainer(id).inspect({ abortSignal }));
  }

  /** The container's restart/OOM baseline now (see {@link baselineOf} and `changesSince`). */
  async inspectBaseline(id: string): Promise<ContainerBaseline> {
    return baselineOf(await this.inspect(id));
  }

  /**
   * dockerode, loaded on first use: with its dependencies (ssh2, grpc-js, protobufjs) it takes
   * ~160 ms to load, which the extension should not pay at activation when nothing is monitored.
   */
  private async dockerode(): Promise<Docker> {
    if (this.docker === undefined) {
      const { default: Dockerode } = await import('dockerode');
      try {
        this.docker = new Dockerode(this.options);
      } catch (error) {
        // docker-modem also reads DOCKER_HOST / DOCKER_CERT_PATH itself and can throw on them.
        throw this.setupError(error);
      }
    }
    return this.docker;
  }

  private setupError(error: unknown): DockerError {
    const message = error instanceof Error ? error.message : String(error);
    return new DockerError('config', `Cannot set up the Docker client for ${this.endpoint.url}: ${message}`, this.endpoint.url, { cause: error });
  }

  private async call<T>(operation: string, run: (abortSignal: AbortSignal, docker: Docker) => Promise<T>): Promise<T> {
    const docker = await this.dockerode();
    const timeout = (): DockerError =>
      new DockerError(
        'timeout',
        `Docker engine at ${this.host} did not answer within ${formatMs(this.timeoutMs)} (${operation}) — the engine may be hung; check \`docker info\``,
        this.host,
      );
    try {
      return await withDeadline(this.timeoutMs, timeout, (abortSignal) => run(abortSignal, docker));
    } catch (error) {
      throw toDockerError(error, this.host, this.source, operation);
    }
  }
}

/**
 * A client for the Docker engine at `host` (the environment config's `dockerHost`), else at
 * `DOCKER_HOST`, else at the default socket (see `resolveDockerHost`). With the default on Linux
 * and macOS, Docker Desktop's per-user socket `~/.docker/run/docker.sock` is used when
 * `/var/run/docker.sock` does not exist (as docker-modem does). Throws a {@link DockerError} of
 * kind `config` for an address that cannot be used.
 */
export function createDocker(host?: string, options: DockerClientOptions = {}): DockerClient {
  const env = options.env ?? process.env;
  const resolved = resolveDockerHost({ configured: host, env, platform: process.platform });
  let endpoint: DockerEndpoint;
  try {
    endpoint = parseDockerHost(resolved.host, { env, homeDir: homedir() });
  } catch (error) {
    if (error instanceof DockerHostError) {
      const where = resolved.source === 'config' ? "'dockerHost' in the environment config" : resolved.source;
      throw new DockerError('config', `${error.message} (from ${where})`, resolved.host, { cause: error });
    }
    throw error;
  }
  return new DockerClient(withDesktopSocket(endpoint, resolved.source), resolved.source, options);
}

function withDesktopSocket(endpoint: DockerEndpoint, source: DockerHostSource): DockerEndpoint {
  if (source !== 'default' || endpoint.protocol !== 'unix' || existsSync(endpoint.socketPath)) return endpoint;
  const desktop = path.join(homedir(), '.docker', 'run', 'docker.sock');
  return existsSync(desktop) ? { protocol: 'unix', socketPath: desktop, url: `unix://${desktop}` } : endpoint;
}

function found(entry: ContainerInfo, matchedBy: MatchReason): FoundContainer {
  const labels = entry.Labels ?? {};
  const project = labels[COMPOSE_PROJECT_LABEL];
  const service = labels[COMPOSE_SERVICE_LABEL];
  return {
    id: entry.Id,
    name: stripSlash(entry.Names[0] ?? entry.Id.slice(0, 12)),
    image: entry.Image,
    state: entry.State,
    status: entry.Status,
    ...(project !== undefined ? { composeProject: project } : {}),
    ...(service !== undefined ? { composeService: service } : {}),
    matchedBy,
  };
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
