/**
 * Restarts, OOM kills and redeploys of a container, measured as changes from a baseline.
 *
 * Docker's own counters cannot be read directly as "restarts since the deploy":
 * - `RestartCount` counts only the restart policy's restarts and is reset to 0 by a manual
 *   `docker start` / `docker restart` (daemon `containerStart` → `ResetRestartManager(true)`);
 * - `State.OOMKilled` belongs to the current run only: every start resets it (`State.SetRunning`);
 * - `State.StartedAt` moves on every start, manual or by the restart policy.
 *
 * So restarts and OOM kills are counted from a baseline taken when monitoring starts, and the
 * counts are lower bounds: what happened between two observations is only partly visible (see
 * {@link changesSince}). Comparing each observation with the previous one ({@link tallyChanges})
 * keeps the undercount small; the Docker event stream (`oom`, `die`, `start`) is the exact source.
 */

/** The fields of `docker inspect` (`GET /containers/{id}/json`) the baseline needs. */
export interface ContainerInspectLike {
  readonly Id: string;
  /** `/name`, with the leading slash the engine adds. */
  readonly Name?: string;
  /** The image ID (sha256:…) the container was created from. */
  readonly Image: string;
  readonly RestartCount: number;
  readonly State: {
    readonly OOMKilled: boolean;
    /** RFC 3339 time of the last start; `0001-01-01T00:00:00Z` when never started. */
    readonly StartedAt: string;
  };
}

/** A container's state when monitoring started (or at the previous observation). */
export interface ContainerBaseline {
  readonly id: string;
  /** The container name without the leading slash (for messages). */
  readonly name?: string;
  readonly restartCount: number;
  readonly oomKilled: boolean;
  readonly startedAt: string;
  /** The image ID, to tell which version was running (e.g. to roll back to it). */
  readonly image: string;
}

/** What changed since a baseline. */
export interface ContainerChanges {
  /** Starts since the baseline (restart policy and manual), at least this many. */
  readonly restarts: number;
  /** OOM kills since the baseline, at least this many. */
  readonly oomKills: number;
  /** Another container (a new ID) now has the name or service: a redeploy, not a restart. */
  readonly recreated: boolean;
}

/** The baseline of a container from its `docker inspect` answer. */
export function baselineOf(inspect: ContainerInspectLike): ContainerBaseline {
  const name = inspect.Name?.replace(/^\//, '');
  return {
    id: inspect.Id,
    ...(name ? { name } : {}),
    restartCount: inspect.RestartCount,
    oomKilled: inspect.State.OOMKilled,
    startedAt: inspect.State.StartedAt,
    image: inspect.Image,
  };
}

/**
 * Changes between a baseline and the container's state now. Rules:
 *
 * 1. A different container ID (same name or compose service) means the container was recreated
 *    (a redeploy): `recreated`, and the new container is measured from its own creation (restart
 *    count 0, not OOM-killed), so the redeploy itself is not a restart but a crash loop of the
 *    new container is: restarts = its `RestartCount`, oomKills = 1 when it is OOM-killed now.
 *    The caller re-baselines on it ({@link tallyChanges} does).
 * 2. Same container, `StartedAt` unchanged: it has not started since, so 0 restarts; 1 OOM kill
 *    when it is OOM-killed now and was not at the baseline (killed, not restarted yet).
 * 3. Same container, `StartedAt` moved: it started at least once since. When `RestartCount` grew,
 *    the restart policy restarted it (now − baseline) times; when it did not grow, a manual
 *    (re)start reset it to 0 and the policy restarted it `RestartCount` times after that, so
 *    `RestartCount + 1` starts. 1 OOM kill when the current run is OOM-killed (earlier runs'
 *    flags were reset by the starts that followed them and cannot be seen).
 */
export function changesSince(baseline: ContainerBaseline, now: ContainerInspectLike): ContainerChanges {
  const oomNow = now.State.OOMKilled;
  if (now.Id !== baseline.id) {
    return { restarts: now.RestartCount, oomKills: oomNow ? 1 : 0, recreated: true };
  }
  if (now.State.StartedAt === baseline.startedAt) {
    return { restarts: 0, oomKills: oomNow && !baseline.oomKilled ? 1 : 0, recreated: false };
  }
  const restarts =
    now.RestartCount > baseline.restartCount ? now.RestartCount - baseline.restartCount : now.RestartCount + 1;
  return { restarts, oomKills: oomNow ? 1 : 0, recreated: false };
}

/** Running totals of changes since monitoring started, observation after observation. */
export interface ChangeTally {
  /** The baseline taken when monitoring started. */
  readonly first: ContainerBaseline;
  /** The previous observation, which the next one is compared with. */
  readonly last: ContainerBaseline;
  readonly restarts: number;
  readonly oomKills: number;
  /** How many times the container was recreated (redeployed) since monitoring started. */
  readonly recreations: number;
}

/** A tally with nothing counted yet, from the baseline taken when monitoring starts. */
export function startTally(baseline: ContainerBaseline): ChangeTally {
  return { first: baseline, last: baseline, restarts: 0, oomKills: 0, recreations: 0 };
}

/**
 * Adds one observation to a tally: the changes since the previous observation
 * ({@link changesSince}) are added, and the observation becomes the new reference — after a
 * recreation, the new container is the baseline from then on.
 */
export function tallyChanges(tally: ChangeTally, now: ContainerInspectLike): ChangeTally {
  const changes = changesSince(tally.last, now);
  return {
    first: tally.first,
    last: baselineOf(now),
    restarts: tally.restarts + changes.restarts,
    oomKills: tally.oomKills + changes.oomKills,
    recreations: tally.recreations + (changes.recreated ? 1 : 0),
  };
}
