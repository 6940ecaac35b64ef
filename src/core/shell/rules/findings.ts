import type { Invocation } from '../invocations';

/** What a rule says about one invocation. */
export interface Finding {
  readonly category: 'destructive' | 'longRunning' | 'interactive';
  readonly reason: string;
  /** Among findings of a category, the heaviest wins (ties: the first). */
  readonly weight: number;
  /** A stream (log follow, stats) that ends when a later `| head` stage exits. */
  readonly boundedByHead?: boolean;
  /** A plain wait: the `sleep` seconds (summed over the command). */
  readonly seconds?: number;
}

export interface RuleContext {
  /** Findings of a script nested in the invocation (`sh -c '...'`, `ssh host '...'`). */
  classifyScript(script: string): readonly Finding[];
}

export type Rule = (inv: Invocation, ctx: RuleContext) => readonly Finding[];

/** Weights: 3 data is lost for good, 2 things are removed, 1 things are stopped. */
export function destructive(reason: string, weight = 2): Finding {
  return { category: 'destructive', reason, weight };
}

export function interactive(reason: string): Finding {
  return { category: 'interactive', reason, weight: 1 };
}

/** Output that streams until interrupted; a later `| head` stage bounds it. */
export function streams(reason: string): Finding {
  return { category: 'longRunning', reason, weight: 2, boundedByHead: true };
}

/** A process that runs until interrupted (a server, a tunnel, a foreground stack). */
export function runsUntilStopped(reason: string): Finding {
  return { category: 'longRunning', reason, weight: 2 };
}

export function waits(seconds: number): Finding {
  return { category: 'longRunning', reason: 'sleep', weight: 1, seconds };
}

export const NONE: readonly Finding[] = [];

/** The findings whose condition holds, for rules written as tables. */
export function when(...pairs: readonly (readonly [boolean, Finding])[]): Finding[] {
  const out: Finding[] = [];
  for (const [condition, finding] of pairs) if (condition) out.push(finding);
  return out;
}
