import { optionSet } from './options';

/**
 * Options docker-compose v1 and the Compose v2 CLI (`docker compose`, standalone
 * `docker-compose`) accept. v2 global options are persistent: they are also accepted after
 * the subcommand. Only the subcommands listed here have their options checked.
 */
export interface OptionTable {
  /** Options that take a value. */
  readonly valued: ReadonlySet<string>;
  /** Options that do not. */
  readonly flags: ReadonlySet<string>;
}

function table(valued: string, flags: string): OptionTable {
  return { valued: optionSet(valued), flags: optionSet(flags + ' -h --help') };
}

export const COMPOSE_GLOBAL_OPTIONS: OptionTable = table(
  '-f --file -p --project-name --project-directory --env-file --profile --ansi --progress --parallel -H --host --log-level -c --context --tlscacert --tlscert --tlskey',
  '--compatibility --dry-run --all-resources --verbose --no-ansi --tls --tlsverify --skip-hostname-check -v --version',
);

export const COMPOSE_SUBCOMMAND_OPTIONS: Readonly<Record<string, OptionTable>> = {
  up: table(
    '-t --timeout --scale --exit-code-from --pull --wait-timeout --attach --no-attach',
    '-d --detach --build --no-build --no-deps --force-recreate --no-recreate --remove-orphans -V --renew-anon-volumes --abort-on-container-exit --abort-on-container-failure --no-start --no-color --no-log-prefix --quiet-pull --quiet-build --wait --attach-dependencies --always-recreate-deps --timestamps -y --yes --menu -w --watch',
  ),
  down: table('--rmi -t --timeout', '-v --volumes --remove-orphans'),
  pull: table('--policy', '--ignore-buildable --ignore-pull-failures --include-deps -q --quiet --parallel --no-parallel'),
  build: table('--build-arg --builder -m --memory --ssh --progress --provenance --sbom', '--check --no-cache --pull --push -q --quiet --with-dependencies --compress --force-rm --no-rm --parallel --print'),
  logs: table('--index --since -n --tail --until', '-f --follow --no-color --no-log-prefix -t --timestamps'),
  ps: table('--filter --format --status', '-a --all --no-trunc --orphans -q --quiet --services'),
  restart: table('-t --timeout', '--no-deps'),
  run: table(
    '--cap-add --cap-drop --entrypoint -e --env --env-from-file -l --label --name -p --publish --pull -u --user -v --volume -w --workdir',
    '--build -d --detach -i --interactive -T --no-TTY --no-deps -q --quiet --quiet-build --quiet-pull --remove-orphans --rm -P --service-ports --use-aliases -t --tty',
  ),
  exec: table('-e --env --index -u --user -w --workdir', '-d --detach -T --no-TTY --privileged -i --interactive -t --tty'),
};

/** Subcommands whose arguments after the service are the command to run in it. */
export const COMPOSE_COMMAND_RUNNERS: ReadonlySet<string> = new Set(['run', 'exec']);

/** Every option that takes a value anywhere: to skip the value of a misplaced option too. */
export const COMPOSE_ANY_VALUED: ReadonlySet<string> = new Set([
  ...COMPOSE_GLOBAL_OPTIONS.valued,
  ...Object.values(COMPOSE_SUBCOMMAND_OPTIONS).flatMap((t) => [...t.valued]),
]);
