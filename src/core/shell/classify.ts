import { invocationsOf } from './invocations';
import type { Invocation } from './invocations';
import { lex } from './lexer';
import { findingsOf, runsUntilStopped } from './rules';
import type { Finding, RuleContext } from './rules';
import { parseStatements } from './syntax';
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

/** The classification of already parsed pipelines and their invocations (see analyzeCommand). */
export function classifyPipelines(pipelines: readonly Pipeline[], invocations: readonly (readonly Invocation[])[], depth: number): CommandClassification {
  const ctx = contextAt(depth);
  const out: Finding[] = [];
  for (let i = 0; i < pipelines.length; i++) pipelineFindings(pipelines[i] as Pipeline, invocations[i] ?? [], ctx, out);
  return summarize(out);
}

/** One context per nesting depth: `sh -c '...'` scripts are classified one level deeper. */
const contexts: RuleContext[] = [];

function contextAt(depth: number): RuleContext {
  let ctx = contexts[depth];
  if (!ctx) {
    ctx = { classifyScript: (script) => (depth < MAX_NESTING ? scriptFindings(script, depth + 1) : []) };
    contexts[depth] = ctx;
  }
  return ctx;
}

function scriptFindings(text: string, depth: number): Finding[] {
  const ctx = contextAt(depth);
  const out: Finding[] = [];
  for (const s of parseStatements(lex(text).tokens, text)) {
    for (const p of s.pipelines) pipelineFindings(p, invocationsOf(p, text), ctx, out);
  }
  return out;
}

function isWord(words: readonly { value: string }[], ...values: string[]): boolean {
  return words.length === 1 && values.includes(words[0]?.value ?? '');
}

function pipelineFindings(pipeline: Pipeline, invocations: readonly Invocation[], ctx: RuleContext, out: Finding[]): void {
  let head = -1;
  for (let k = invocations.length - 1; k >= 0; k--) {
    const inv = invocations[k] as Invocation;
    if (inv.name === 'head') {
      head = inv.stage;
      break;
    }
  }
  for (const inv of invocations) {
    for (const f of findingsOf(inv, ctx)) if (!(f.boundedByHead && inv.stage < head)) out.push(f);
  }
  for (const c of pipeline.commands) {
    if ((c.keyword === 'while' && isWord(c.words, 'true', ':')) || (c.keyword === 'until' && isWord(c.words, 'false'))) out.push(runsUntilStopped('loops until interrupted'));
  }
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
  const out: { destructive?: string; longRunning?: string; waitSeconds?: number; interactive?: string } = {};
  if (findings.length === 0) return out;
  const destructive = heaviest(findings, 'destructive')?.reason;
  const interactive = heaviest(findings, 'interactive')?.reason;
  const stream = heaviest(findings, 'longRunning')?.reason;
  let waitSeconds = 0;
  for (const f of findings) waitSeconds += f.seconds ?? 0;
  const waitsLong = stream === undefined && waitSeconds >= MIN_WAIT_SECONDS;
  // Keys in this order: destructive, longRunning, waitSeconds, interactive.
  if (destructive !== undefined) out.destructive = destructive;
  if (stream !== undefined) out.longRunning = stream;
  if (waitsLong) {
    out.longRunning = `waits ${formatSeconds(waitSeconds)}`;
    out.waitSeconds = waitSeconds;
  }
  if (interactive !== undefined) out.interactive = interactive;
  return out;
}
