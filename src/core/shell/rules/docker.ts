import { COMPOSE_COMMAND_RUNNERS } from '../composeOptions';
import { composeCall, dockerSubcommand } from '../dockerCli';
import type { ComposeCall } from '../dockerCli';
import type { Invocation } from '../invocations';
import { optionSet, scanOptions } from '../options';
import { own } from '../own';
import { NONE, destructive, interactive, runsUntilStopped, streams, when } from './findings';
import type { Finding } from './findings';
import { opensPrompt } from './programs';

const RUN_VALUED = optionSet(
  '-a --attach -c --cpu-shares --cidfile --cpus --cpuset-cpus --device -e --env --env-file --entrypoint -h --hostname --ip -l --label --label-file --link --log-driver --log-opt -m --memory --memory-swap --mount --name --network --net --network-alias -p --publish --pid --platform --pull --restart --runtime --security-opt --shm-size --stop-signal --stop-timeout --tmpfs -u --user --ulimit -v --volume --volumes-from -w --workdir --add-host --dns --gpus --group-add --cap-add --cap-drop --expose --userns --uts --ipc --isolation --storage-opt --sysctl --health-cmd',
);
const EXEC_VALUED = optionSet('-e --env --env-file -u --user -w --workdir --detach-keys');

/** `-it` without `-d`: the terminal is attached to the container. */
function attachesTerminal(argv: readonly string[], from: number, valued: ReadonlySet<string>): boolean {
  const o = scanOptions(argv, { valued, stopAtPositional: true }, from);
  return o.has('-i', '--interactive') && o.has('-t', '--tty') && !o.has('-d', '--detach');
}

type DockerRule = (argv: readonly string[], from: number) => readonly Finding[];

const has = (argv: readonly string[], from: number, ...names: string[]): boolean => scanOptions(argv, {}, from).has(...names);

const DOCKER: Readonly<Record<string, DockerRule>> = {
  rm: (a, f) =>
    has(a, f, '-v', '--volumes')
      ? [destructive('removes containers and their anonymous volumes', 3)]
      : [destructive(has(a, f, '-f', '--force') ? 'force-removes containers, running ones included' : 'removes containers')],
  rmi: () => [destructive('removes images')],
  'volume rm': () => [destructive('removes volumes: their data is lost', 3)],
  'volume prune': () => [destructive('deletes unused volumes: their data is lost', 3)],
  'system prune': (a, f) => {
    const volumes = has(a, f, '--volumes');
    const images = has(a, f, '-a', '--all') ? 'all unused images' : 'dangling images';
    return [destructive(`deletes stopped containers, unused networks, ${images} and the build cache${volumes ? ', and unused volumes' : ''}`, volumes ? 3 : 2)];
  },
  'image prune': (a, f) => [destructive(has(a, f, '-a', '--all') ? 'deletes every image no container uses' : 'deletes dangling images')],
  'container prune': () => [destructive('deletes every stopped container')],
  'network rm': () => [destructive('removes networks', 1)],
  'network prune': () => [destructive('deletes unused networks', 1)],
  'builder prune': () => [destructive('deletes the build cache', 1)],
  stop: () => [destructive('stops running containers', 1)],
  kill: () => [destructive('kills running containers', 1)],
  logs: (a, f) => when([scanOptions(a, { valued: optionSet('--since --until -n --tail') }, f).has('-f', '--follow'), streams('follows the container log until interrupted (-f)')]),
  stats: (a, f) => when([!scanOptions(a, { valued: optionSet('--format') }, f).has('--no-stream'), streams('streams container stats until interrupted (no --no-stream)')]),
  events: (a, f) => when([!scanOptions(a, { valued: optionSet('--since -f --filter --format') }, f).has('--until'), streams('streams events until interrupted')]),
  attach: () => [interactive('attaches the terminal to the container')],
  run: (a, f) => when([attachesTerminal(a, f, RUN_VALUED), interactive('opens an interactive terminal in a new container (-it)')]),
  exec: (a, f) => when([attachesTerminal(a, f, EXEC_VALUED), interactive('opens an interactive terminal in the container (-it)')]),
};

function composeFindings(call: ComposeCall, argv: readonly string[]): readonly Finding[] {
  const o = call.sub;
  switch (call.subcommand?.value) {
    case 'down': {
      const volumes = o.has('-v', '--volumes');
      const images = o.get('--rmi') !== undefined ? ', and images' : '';
      return [destructive(`stops and removes the containers and networks${images}${volumes ? ', and volumes: their data is lost' : ''}`, volumes ? 3 : 2)];
    }
    case 'rm':
      return [destructive('removes stopped service containers')];
    case 'stop':
    case 'kill':
      return [destructive('stops the services', 1)];
    case 'up':
      return when([!o.has('-d', '--detach', '--wait'), runsUntilStopped('runs the services in the foreground until interrupted (no -d)')]);
    case 'logs':
      return when([o.has('-f', '--follow'), streams('follows the service logs until interrupted (-f)')]);
    case 'watch':
      return [runsUntilStopped('watches and rebuilds the services until interrupted')];
    default:
      break;
  }
  const runner = call.subcommand && COMPOSE_COMMAND_RUNNERS.has(call.subcommand.value);
  const inner = argv.slice(o.next);
  return when([runner === true && !o.has('-T', '--no-TTY', '-d', '--detach') && inner.length > 0 && opensPrompt(inner), interactive('opens a shell or a prompt in the container')]);
}

/** docker, `docker compose`, docker-compose (and podman alike). */
export function dockerRule(inv: Invocation): readonly Finding[] {
  const compose = composeCall(inv);
  if (compose) return composeFindings(compose, inv.argv);
  const sub = dockerSubcommand(inv.argv);
  const rule = sub ? own(DOCKER, sub.name) : undefined;
  return sub && rule ? rule(inv.argv, sub.from) : NONE;
}
