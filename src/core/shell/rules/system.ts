import type { Invocation } from '../invocations';
import { optionSet, scanOptions } from '../options';
import { NONE, destructive, interactive, runsUntilStopped, streams, waits, when } from './findings';
import type { Finding, Rule, RuleContext } from './findings';
import { opensPrompt, shellScript } from './programs';

const has = (inv: Invocation, ...names: string[]): boolean => scanOptions(inv.argv).has(...names);
const asksForHelp = (inv: Invocation): boolean => inv.argv.some((a) => a === '--version' || a === '--help');

function rm(inv: Invocation): readonly Finding[] {
  const o = scanOptions(inv.argv);
  // With no operands on the line, a piped `xargs rm` gets them from its input.
  if (o.positionals.length === 0 && !inv.stdinRedirected) return NONE;
  if (!o.has('-r', '-R', '--recursive')) return [destructive('deletes files')];
  return [destructive(o.has('-f', '--force') ? 'deletes files and directories recursively without asking (rm -rf)' : 'deletes files and directories recursively', 3)];
}

/** `find -delete`, and what `find -exec CMD {} ;` runs, classified as a command of its own. */
function find(inv: Invocation, ctx: RuleContext): readonly Finding[] {
  if (inv.argv.includes('-delete')) return [destructive('deletes the files it finds', 3)];
  const exec = inv.argv.findIndex((a) => a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir');
  if (exec < 0) return NONE;
  const end = inv.argv.findIndex((a, i) => i > exec && (a === ';' || a === '+'));
  const command = inv.argv.slice(exec + 1, end < 0 ? undefined : end).map((a) => (a === '{}' ? 'FILE' : a));
  return ctx.classifyScript(command.join(' '));
}

/** Seconds of `sleep 300`, `sleep 5m`, `sleep 1h 30m` (GNU sums its arguments); Infinity for `infinity`. */
export function sleepSeconds(argv: readonly string[]): number | undefined {
  const units: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  for (const arg of argv) {
    if (arg === 'infinity') return Infinity;
    let i = 0;
    while (i < arg.length && ((arg.charAt(i) >= '0' && arg.charAt(i) <= '9') || arg.charAt(i) === '.')) i++;
    const n = Number(arg.slice(0, i));
    const unit = Object.hasOwn(units, arg.slice(i)) ? units[arg.slice(i)] : undefined;
    if (i === 0 || Number.isNaN(n) || unit === undefined) return undefined;
    total += n * unit;
  }
  return argv.length > 0 ? total : undefined;
}

function sleep(inv: Invocation): readonly Finding[] {
  const seconds = sleepSeconds(inv.argv);
  if (seconds === undefined) return NONE;
  return seconds === Infinity ? [runsUntilStopped('sleeps forever')] : [waits(seconds)];
}

function ssh(inv: Invocation, ctx: RuleContext): readonly Finding[] {
  const o = scanOptions(inv.argv, { valued: optionSet('-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w -B'), stopAtPositional: true });
  // With no operands on the line, a piped `xargs rm` gets them from its input.
  if (o.positionals.length === 0 && !inv.stdinRedirected) return NONE;
  if (o.has('-N')) return [runsUntilStopped('keeps the SSH connection open until interrupted (-N)')];
  const remote = inv.argv.slice(o.next);
  if (remote.length === 0) return inv.stdinRedirected ? NONE : [interactive('opens a remote shell (no command given)')];
  return ctx.classifyScript(remote.join(' '));
}

function shell(inv: Invocation, ctx: RuleContext): readonly Finding[] {
  const script = shellScript(inv.argv);
  if (script !== undefined) return ctx.classifyScript(script);
  return when([!inv.stdinRedirected && opensPrompt([inv.name, ...inv.argv]), interactive('opens a new shell')]);
}

const DEV_SERVER_SCRIPTS: ReadonlySet<string> = new Set(['start', 'dev', 'serve', 'watch', 'develop']);

/**
 * npm/yarn/pnpm/bun: `start` and `run dev|serve|watch|develop|start` start servers or
 * watchers that run until interrupted. Other scripts (build, test) end by themselves.
 */
function packageManager(inv: Invocation): readonly Finding[] {
  const positionals = scanOptions(inv.argv).positionals.map((p) => p.value);
  const [sub, script] = positionals;
  const name = sub === 'run' || sub === 'run-script' ? script : inv.name === 'npm' && sub !== 'start' ? undefined : sub;
  return when([name !== undefined && DEV_SERVER_SCRIPTS.has(name), runsUntilStopped(`runs the ${name ?? ''} script: a server or watcher that runs until interrupted`)]);
}

function systemctl(inv: Invocation): readonly Finding[] {
  const o = scanOptions(inv.argv, { valued: optionSet('-H --host -M --machine -t --type -s --signal -p --property -n --lines -o --output --state --root') });
  const [action, ...units] = o.positionals.map((p) => p.value);
  const what = units.length > 0 ? ' ' + units.join(' ') : '';
  return when(
    [action === 'stop' || action === 'kill', destructive(`stops the service${what}`, 1)],
    [action === 'disable' || action === 'mask', destructive(`disables the service${what}`, 1)],
    [action === 'poweroff' || action === 'reboot' || action === 'halt', destructive('shuts down or reboots the machine')],
  );
}

const python: Rule = (inv) =>
  when(
    [inv.argv[0] === '-m' && inv.argv[1] === 'http.server', runsUntilStopped('serves files until interrupted')],
    [!inv.stdinRedirected && inv.argv.length === 0, interactive('opens a Python prompt')],
  );
const editor: Rule = (inv) => when([!asksForHelp(inv) && !inv.argv.includes('--batch'), interactive('opens an editor')]);
const pager: Rule = (inv) => when([!asksForHelp(inv), interactive('opens a pager')]);
const monitor: Rule = (inv) => when([!asksForHelp(inv) && !has(inv, '-b'), interactive('shows a full-screen monitor until you quit it')]);
const CODE_CLI_ONLY = ['--version', '-v', '--help', '-h', '--list-extensions', '--install-extension', '--uninstall-extension', '--status', '--locate-shell-integration-path'];
const follows = (what: string, valued: string): Rule => (inv) =>
  when([scanOptions(inv.argv, { valued: optionSet(valued) }).has('-f', '-F', '--follow'), streams(`follows the ${what} until interrupted (-f)`)]);

export const SYSTEM_RULES: Readonly<Record<string, Rule>> = {
  rm,
  find,
  shred: () => [destructive('overwrites files so they cannot be recovered', 3)],
  dd: (inv) => {
    const target = inv.argv.find((a) => a.startsWith('of='));
    return when([target !== undefined, destructive(`writes raw blocks over ${target?.slice(3) ?? ''}`, 3)]);
  },
  mkfs: () => [destructive('formats a filesystem: everything on the device is erased', 3)],
  wipefs: (inv) => when([!has(inv, '-n', '--no-act'), destructive('erases filesystem signatures from the device', 3)]),
  truncate: (inv) => when([!asksForHelp(inv), destructive('truncates files: content past the new size is lost')]),
  kill: (inv) => when([!has(inv, '-l', '-L', '-0'), destructive('kills processes', 1)]),
  pkill: () => [destructive('kills processes', 1)],
  killall: () => [destructive('kills processes', 1)],
  systemctl,
  service: (inv) => when([inv.argv[1] === 'stop', destructive(`stops the service ${inv.argv[0] ?? ''}`, 1)]),
  shutdown: (inv) => when([!has(inv, '-c'), destructive('shuts down or reboots the machine')]),
  reboot: () => [destructive('reboots the machine')],
  halt: () => [destructive('halts the machine')],
  poweroff: () => [destructive('powers the machine off')],
  crontab: (inv) => when([has(inv, '-r'), destructive('removes the crontab', 3)], [has(inv, '-e'), interactive('opens an editor')]),
  tail: follows('file', '-n -c --lines --bytes --pid -s --sleep-interval --max-unchanged-stats'),
  journalctl: follows('journal', '-u --unit -n --lines -p --priority -S --since -U --until -o --output -t --identifier -D --directory -M --machine -g --grep'),
  watch: () => [runsUntilStopped('re-runs the command until interrupted')],
  ping: (inv) => when([!has(inv, '-c', '-w'), streams('pings until interrupted (no -c)')]),
  tcpdump: (inv) => when([!has(inv, '-c'), streams('captures packets until interrupted (no -c)')]),
  sleep,
  nano: editor,
  vi: editor,
  vim: editor,
  nvim: editor,
  vimdiff: editor,
  emacs: editor,
  sudoedit: editor,
  code: (inv) => when([!inv.argv.some((a) => CODE_CLI_ONLY.includes(a)), interactive('opens an editor')]),
  less: pager,
  more: pager,
  most: pager,
  man: (inv) => when([!asksForHelp(inv), interactive('opens a manual page in a pager')]),
  top: monitor,
  htop: monitor,
  btop: monitor,
  atop: monitor,
  iotop: monitor,
  ssh,
  su: (inv, ctx) => {
    const c = inv.argv.findIndex((a) => a === '-c' || a === '--command');
    return c >= 0 ? ctx.classifyScript(inv.argv[c + 1] ?? '') : [interactive('opens a shell as another user')];
  },
  sudo: (inv) => when([has(inv, '-i', '-s', '--login', '--shell'), interactive('opens a root shell')], [has(inv, '-e', '--edit'), interactive('opens an editor')]),
  passwd: () => [interactive('asks for a new password')],
  read: (inv) => {
    const keyword = inv.pipeline.commands[inv.stage]?.keyword;
    return when([!inv.stdinRedirected && keyword !== 'while' && keyword !== 'until', interactive('waits for input')]);
  },
  python,
  python3: python,
  node: (inv) => when([!inv.stdinRedirected && inv.argv.length === 0, interactive('opens a Node.js prompt')]),
  npm: packageManager,
  yarn: packageManager,
  pnpm: packageManager,
  bun: packageManager,
  ...Object.fromEntries(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh'].map((name) => [name, shell])),
};
