import type { Invocation } from './invocations';
import { invocationsOf } from './invocations';
import { lex } from './lexer';
import { LINT_RULES, mayHaveIssues } from './lintRules';
import { parseStatements } from './syntax';
import type { LexProblem } from './tokens';
import type { CommandIssue } from './types';

/**
 * Problems that keep a command from working as written: unterminated quotes, substitutions
 * and heredocs; docker-compose options it does not accept (`-e` outside `run`/`exec`);
 * `git push --delete` without a ref; an image tag given where docker wants a container.
 * Placeholders are not issues (see findVariables), nor is `docker pull` of a local tag.
 */
export function lintCommand(text: string): CommandIssue[] {
  const lexed = lex(text);
  const invocations: Invocation[][] = [];
  for (const s of parseStatements(lexed.tokens, text)) for (const p of s.pipelines) invocations.push(invocationsOf(p, text));
  return lintInvocations(lexed.problems, invocations, text, 0);
}

/**
 * lintCommand over an already lexed command and its invocations by pipeline (see
 * analyzeCommand). Offsets are in `src`, of which the command starts at `base`: columns are
 * offsets from `base`.
 */
export function lintInvocations(problems: readonly LexProblem[], invocations: readonly (readonly Invocation[])[], src: string, base: number): CommandIssue[] {
  const issues: CommandIssue[] = [];
  for (const p of problems) issues.push({ message: p.message, column: p.start - base, length: p.end - p.start, severity: 'error' });
  for (const pipeline of invocations) {
    for (const inv of pipeline) {
      if (!mayHaveIssues(inv)) continue;
      for (const rule of LINT_RULES) {
        for (const issue of rule(inv, src)) {
          issues.push(base === 0 ? issue : { message: issue.message, column: issue.column - base, length: issue.length, severity: issue.severity });
        }
      }
    }
  }
  return issues.length > 1 ? issues.sort((a, b) => a.column - b.column) : issues;
}
