import { classifyPipelines } from './classify';
import type { Invocation } from './invocations';
import { invocationsOf } from './invocations';
import { lex, placeholdersIn } from './lexer';
import { lintInvocations } from './lint';
import type { CommandSource } from './splitCommands';
import type { Pipeline, Statement } from './syntax';
import { parseStatements } from './syntax';
import type { CommandClassification, CommandIssue, VariableRef } from './types';
import { variablesOf } from './variables';

/** What classifyCommand, findVariables and lintCommand say about one command. */
export interface CommandAnalysis {
  readonly classification: CommandClassification;
  readonly variables: VariableRef[];
  readonly issues: CommandIssue[];
}

/**
 * classifyCommand, findVariables and lintCommand in one: the command is lexed and parsed
 * once, and each pipeline's invocations are found once for the classifier and the linter.
 * The results are exactly theirs.
 */
export function analyzeCommand(text: string): CommandAnalysis {
  const lexed = lex(text);
  const statements = parseStatements(lexed.tokens, text);
  const pipelines: Pipeline[] = [];
  for (const s of statements) for (const p of s.pipelines) pipelines.push(p);
  const invocations = invocationsByPipeline(pipelines, text);
  return {
    classification: classifyPipelines(pipelines, invocations, 0),
    variables: variablesOf(lexed.params, lexed.placeholders, statements, text, 0),
    issues: lintInvocations(lexed.problems, invocations, text, 0),
  };
}

/**
 * analyzeCommand of a command the splitter found, without lexing it again: lexing the
 * command alone gives the splitter's tokens in its range, shifted, and its one statement
 * (see CommandSource), so the analysis is done on those, and offsets are made relative to
 * the command's start. The parameters, placeholders and problems are those in its range;
 * a placeholder is HTML when a closing tag in its range closes it, as in the command alone.
 */
export function analyzeSource(source: CommandSource): CommandAnalysis {
  const { raw, text, statement, start, end } = source;
  const params = inRange(raw.params, start, end);
  const problems = inRange(raw.problems, start, end);
  const pipelines = statement.pipelines;
  const invocations = invocationsByPipeline(pipelines, text);
  const statements: readonly Statement[] = [statement];
  return {
    classification: classifyPipelines(pipelines, invocations, 0),
    variables: variablesOf(params, placeholdersIn(raw, start, end), statements, text, start),
    issues: lintInvocations(problems, invocations, text, start),
  };
}

/** The items whose start is in [from, to). */
function inRange<T extends { readonly start: number }>(items: readonly T[], from: number, to: number): readonly T[] {
  if (items.length === 0) return items;
  const out: T[] = [];
  for (const item of items) if (item.start >= from && item.start < to) out.push(item);
  return out;
}

function invocationsByPipeline(pipelines: readonly Pipeline[], src: string): Invocation[][] {
  const out: Invocation[][] = [];
  for (const pipeline of pipelines) out.push(invocationsOf(pipeline, src));
  return out;
}
