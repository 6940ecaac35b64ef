import { COMPOSE_ANY_VALUED, COMPOSE_COMMAND_RUNNERS, COMPOSE_GLOBAL_OPTIONS, COMPOSE_SUBCOMMAND_OPTIONS } from './composeOptions';
import type { OptionTable } from './composeOptions';
import type { Invocation } from './invocations';
import { optionSet, scanOptions } from './options';
import type { ScannedOptions, ScannedPositional } from './options';
import { own } from './own';

const DOCKER_GLOBAL_VALUED = optionSet('-H --host -c --context --config -l --log-level --tlscacert --tlscert --tlskey');

/** `docker container rm` is `docker rm`; management commands map to the classic names. */
const MANAGEMENT_COMMANDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  container: { rm: 'rm', remove: 'rm', stop: 'stop', kill: 'kill', prune: 'container prune', logs: 'logs', exec: 'exec', run: 'run', attach: 'attach', stats: 'stats', start: 'start', restart: 'restart' },
  image: { rm: 'rmi', remove: 'rmi', prune: 'image prune' },
  volume: { rm: 'volume rm', remove: 'volume rm', prune: 'volume prune' },
  network: { rm: 'network rm', remove: 'network rm', prune: 'network prune' },
  system: { prune: 'system prune' },
  builder: { prune: 'builder prune' },
};

export interface DockerSubcommand {
  /** Classic name: `rm`, `rmi`, `logs`, `compose`, or `volume prune` and the like. */
  readonly name: string;
  /** Index in `argv` of its first argument. */
  readonly from: number;
}

/** The docker subcommand of `docker [global options] sub ...`. */
export function dockerSubcommand(argv: readonly string[]): DockerSubcommand | undefined {
  const globals = scanOptions(argv, { valued: DOCKER_GLOBAL_VALUED, stopAtPositional: true });
  const first = globals.positionals[0]?.value;
  if (first === undefined) return undefined;
  const management = own(MANAGEMENT_COMMANDS, first);
  if (!management) return { name: first, from: globals.next };
  const second = argv[globals.next] ?? '';
  return { name: own(management, second) ?? `${first} ${second}`, from: globals.next + 1 };
}

export interface ComposeCall {
  /** How it was called: `docker-compose` or `docker compose`. */
  readonly program: string;
  /** Options before the subcommand. */
  readonly globals: ScannedOptions;
  readonly subcommand?: ScannedPositional;
  /** Options and positionals after the subcommand (for `run`/`exec`, up to the service). */
  readonly sub: ScannedOptions;
}

/** A docker-compose call (v1 `docker-compose`, v2 `docker compose`, `podman-compose`). */
export function composeCall(inv: Invocation): ComposeCall | undefined {
  if (inv.name === 'docker-compose' || inv.name === 'podman-compose') return scanCompose(inv.name, inv.argv, 0);
  if (inv.name !== 'docker' && inv.name !== 'podman') return undefined;
  const sub = dockerSubcommand(inv.argv);
  return sub?.name === 'compose' ? scanCompose(`${inv.name} compose`, inv.argv, sub.from) : undefined;
}

/**
 * Options that take a value where they stand: the table's and the global ones, and any option
 * that takes a value elsewhere and is not a flag here (so a misplaced `-e X=1` keeps its value).
 */
function valuedIn(table: OptionTable): ReadonlySet<string> {
  const flags = (o: string): boolean => table.flags.has(o) || COMPOSE_GLOBAL_OPTIONS.flags.has(o);
  return new Set([...table.valued, ...COMPOSE_GLOBAL_OPTIONS.valued, ...[...COMPOSE_ANY_VALUED].filter((o) => !flags(o))]);
}

const SUBCOMMAND_VALUED: ReadonlyMap<OptionTable, ReadonlySet<string>> = new Map(Object.values(COMPOSE_SUBCOMMAND_OPTIONS).map((t) => [t, valuedIn(t)]));

const GLOBAL_VALUED = valuedIn(COMPOSE_GLOBAL_OPTIONS);

function scanCompose(program: string, argv: readonly string[], from: number): ComposeCall {
  const globals = scanOptions(argv, { valued: GLOBAL_VALUED, stopAtPositional: true }, from);
  const subcommand = globals.positionals[0];
  const table = subcommand ? own(COMPOSE_SUBCOMMAND_OPTIONS, subcommand.value) : undefined;
  const stopAtPositional = subcommand !== undefined && COMPOSE_COMMAND_RUNNERS.has(subcommand.value);
  const sub = scanOptions(argv, { valued: (table && SUBCOMMAND_VALUED.get(table)) ?? COMPOSE_ANY_VALUED, stopAtPositional }, subcommand ? globals.next : argv.length);
  return { program, globals, ...(subcommand ? { subcommand } : {}), sub };
}
