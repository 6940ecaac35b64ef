import { invocationsOf } from './invocations';
import { lex } from './lexer';
import { findingsOf, runsUntilStopped } from './rules';
import type { Finding, RuleContext } from './rules';
import { parseStatements, pipelinesOf } from './syntax';
import type { Pipeline } from './syntax';
import type { CommandClassification } from './types';

/** How deep `sh -c '...'`, `ssh host '...'` and `find -exec` scripts are followed. */
const MAX_NESTING = 3;
/** Shorter sleeps are not worth a mention. */
const MIN_WAIT_SECONDS = 10;

/**
 * What running a command does that an operator must know first: destroys something, runs
 * until interrupted (or waits long), or needs someone at the keyboard. Every part of a
 * pipeline or `&&`/`||`/`;` list is classified, through `sudo`, `env`, `nohup`, `timeout`,
 * `xargs`, `sh -c`, `ssh host cmd` and `$(...)`; per category the heaviest reason wins.
 *
 * A stream (`docker logs -f`, `tail -f`, `docker stats`) piped into `head` is not long-running:
 * head exits after its lines and the stream ends on its next write.
 */
export function classifyCommand(text: string): CommandClassification {
  return summarize(scriptFindings(text, 0));
}

function scriptFindings(text: string, depth: number): Finding[] {
  const ctx: RuleContext = { classifyScript: (script) => (depth < MAX_NESTING ? scriptFindings(script, depth + 1) : []) };
  const statements = parseStatements(lex(text).tokens, text);
  return pipelinesOf(statements).flatMap((p) => pipelineFindings(p, text, ctx));
}

function isWord(words: readonly { value: string }[], ...values: string[]): boolean {
  return words.length === 1 && values.includes(words[0]?.value ?? '');
}

function pipelineFindings(pipeline: Pipeline, src: string, ctx: RuleContext): Finding[] {
  const invocations = invocationsOf(pipeline, src);
  const head = invocations.filter((inv) => inv.name === 'head').pop()?.stage ?? -1;
  const out: Finding[] = [];
  for (const inv of invocations) {
    for (const f of findingsOf(inv, ctx)) if (!(f.boundedByHead && inv.stage < head)) out.push(f);
  }
  for (const c of pipeline.commands) {
    if ((c.keyword === 'while' && isWord(c.words, 'true', ':')) || (c.keyword === 'until' && isWord(c.words, 'false'))) out.push(runsUntilStopped('loops until interrupted'));
  }
  return out;
}

function heaviest(findings: readonly Finding[], category: Finding['category']): Finding | undefined {
  let best: Finding | undefined;
  for (const f of findings) if (f.category === category && f.seconds === undefined && (!best || f.weight > best.weight)) best = f;
  return best;
}

export function formatSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  if (rounded < 60) return `${rounded} s`;
  const minutes = Math.round((rounded / 60) * 10) / 10;
  return minutes < 60 ? `${rounded} s (${minutes} min)` : `${rounded} s (${Math.round((minutes / 60) * 10) / 10} h)`;
}

function summarize(findings: readonly Finding[]): CommandClassification {
  const destructive = heaviest(findings, 'destructive')?.reason;
  const interactive = heaviest(findings, 'interactive')?.reason;
  const stream = heaviest(findings, 'longRunning')?.reason;
  const waitSeconds = findings.reduce((sum, f) => sum + (f.seconds ?? 0), 0);
  const waitsLong = stream === undefined && waitSeconds >= MIN_WAIT_SECONDS;
  return {
    ...(destructive !== undefined ? { destructive } : {}),
    ...(stream !== undefined ? { longRunning: stream } : {}),
    ...(waitsLong ? { longRunning: `waits ${formatSeconds(waitSeconds)}`, waitSeconds } : {}),
    ...(interactive !== undefined ? { interactive } : {}),
  };
}
