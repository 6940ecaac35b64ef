/**
 * Command-line option scanning in the getopt/cobra style most CLIs share: `-abc` clusters,
 * `-fVALUE` and `-f VALUE` for options that take a value, `--name=value` and `--name value`,
 * `--` ending the options.
 */

export interface ScannedOption {
  /** `-f` or `--follow`; each letter of a cluster is its own option. */
  readonly name: string;
  readonly value?: string;
  /** Index of the argument that holds the option. */
  readonly index: number;
  /** Index of the last argument it used (its value's, when separate). */
  readonly lastIndex: number;
}

export interface ScannedPositional {
  readonly value: string;
  readonly index: number;
}

export interface ScannedOptions {
  readonly options: readonly ScannedOption[];
  readonly positionals: readonly ScannedPositional[];
  /** Index of the first argument not scanned (after the first positional, with `stopAtPositional`). */
  readonly next: number;
  has(...names: string[]): boolean;
  /** The value of the last of these options given. */
  get(...names: string[]): string | undefined;
}

export interface OptionSpec {
  /** Options that take a value, e.g. `['-f', '--file']`. */
  readonly valued?: ReadonlySet<string>;
  /** Stop at the first positional (a subcommand, an image, a container). */
  readonly stopAtPositional?: boolean;
}

const NO_OPTIONS: ReadonlySet<string> = new Set();
const NO_SPEC: OptionSpec = {};

/** ScannedOptions with its methods on the prototype: no closures per scan. */
class Scanned implements ScannedOptions {
  constructor(
    readonly options: readonly ScannedOption[],
    readonly positionals: readonly ScannedPositional[],
    readonly next: number,
  ) {}

  has(...names: string[]): boolean {
    for (const o of this.options) if (names.includes(o.name)) return true;
    return false;
  }

  get(...names: string[]): string | undefined {
    for (let i = this.options.length - 1; i >= 0; i--) {
      const o = this.options[i] as ScannedOption;
      if (names.includes(o.name)) return o.value;
    }
    return undefined;
  }
}

export function scanOptions(args: readonly string[], spec: OptionSpec = NO_SPEC, from = 0): ScannedOptions {
  const valued = spec.valued ?? NO_OPTIONS;
  const options: ScannedOption[] = [];
  const positionals: ScannedPositional[] = [];
  let i = from;
  let optionsEnded = false;
  for (; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positionals.push({ value: arg, index: i });
      if (spec.stopAtPositional) {
        i++;
        break;
      }
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      if (eq >= 0) options.push({ name, value: arg.slice(eq + 1), index: i, lastIndex: i });
      else if (valued.has(name) && i + 1 < args.length) options.push({ name, value: args[i + 1] ?? '', index: i, lastIndex: ++i });
      else options.push({ name, index: i, lastIndex: i });
    } else {
      i = scanCluster(args, i, valued, options);
    }
  }
  return new Scanned(options, positionals, i);
}

/** `-abc`, `-n50`, `-n 50`: returns the index of the last argument used. */
function scanCluster(args: readonly string[], i: number, valued: ReadonlySet<string>, out: ScannedOption[]): number {
  const arg = args[i] ?? '';
  for (let k = 1; k < arg.length; k++) {
    const name = '-' + arg.charAt(k);
    if (!valued.has(name)) {
      out.push({ name, index: i, lastIndex: i });
      continue;
    }
    const inline = arg.slice(k + 1);
    if (inline.length > 0) out.push({ name, value: inline.startsWith('=') ? inline.slice(1) : inline, index: i, lastIndex: i });
    else if (i + 1 < args.length) out.push({ name, value: args[i + 1] ?? '', index: i, lastIndex: i + 1 });
    else out.push({ name, index: i, lastIndex: i });
    return inline.length > 0 || i + 1 >= args.length ? i : i + 1;
  }
  return i;
}

const optionSets = new Map<string, ReadonlySet<string>>();

/** A set from a space-separated list, for option tables; built once per list. */
export function optionSet(list: string): ReadonlySet<string> {
  let set = optionSets.get(list);
  if (!set) {
    set = new Set(list.split(' ').filter((o) => o.length > 0));
    optionSets.set(list, set);
  }
  return set;
}
