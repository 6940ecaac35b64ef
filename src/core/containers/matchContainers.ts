/**
 * Which containers a monitored environment means: by exact name, and by Docker Compose project
 * and service labels. Compose v1 (`docker-compose`) and v2 (`docker compose`) both label their
 * containers `com.docker.compose.project` and `com.docker.compose.service` (only the generated
 * names differ: `proj_web_1` against `proj-web-1`), so the labels are what is matched.
 */

export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';

/** The fields of a `docker ps` (`GET /containers/json`) entry that matching reads. */
export interface ContainerListEntry {
  readonly Id: string;
  /** Names with the engine's leading slash, e.g. `["/web-1"]`. */
  readonly Names: readonly string[];
  readonly Labels?: Readonly<Record<string, string>> | null;
  /** `running`, `exited`, `restarting`, `paused`, `created`, `dead`, … */
  readonly State?: string;
}

/** What to look for; the result is the union of the name matches and the compose matches. */
export interface ContainerQuery {
  /** Container names, matched exactly, with or without the leading `/`. */
  readonly names?: readonly string[];
  /** Compose project: alone, every container of the project; with `services`, only those. */
  readonly composeProject?: string;
  /** Compose services; without `composeProject`, matched in any project. */
  readonly services?: readonly string[];
}

/** Why a container matched: its name, or its compose project and service. */
export type MatchReason = 'name' | 'compose';

/** The entries a query means, in list order, each once, with why it matched. */
export function matchContainers<T extends ContainerListEntry>(
  entries: readonly T[],
  query: ContainerQuery,
): Array<{ readonly entry: T; readonly reason: MatchReason }> {
  const names = new Set((query.names ?? []).map(stripSlash));
  const services = new Set(query.services ?? []);
  const byCompose = query.composeProject !== undefined || services.size > 0;
  const matches: Array<{ entry: T; reason: MatchReason }> = [];
  for (const entry of entries) {
    if (entry.Names.some((name) => names.has(stripSlash(name)))) {
      matches.push({ entry, reason: 'name' });
      continue;
    }
    if (!byCompose) continue;
    const labels = entry.Labels ?? {};
    const project = labels[COMPOSE_PROJECT_LABEL];
    const service = labels[COMPOSE_SERVICE_LABEL];
    if (query.composeProject !== undefined && project !== query.composeProject) continue;
    if (services.size > 0 ? service !== undefined && services.has(service) : project !== undefined) {
      matches.push({ entry, reason: 'compose' });
    }
  }
  return matches;
}

/** A container name without the leading slash the engine adds. */
export function stripSlash(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}
