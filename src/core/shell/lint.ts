import { invocationsOf } from './invocations';
import { lex } from './lexer';
import { LINT_RULES } from './lintRules';
import { parseStatements, pipelinesOf } from './syntax';
import type { CommandIssue } from './types';

/**
 * Problems that keep a command from working as written: unterminated quotes, substitutions
 * and heredocs; docker-compose options it does not accept (`-e` outside `run`/`exec`);
 * `git push --delete` without a ref; an image tag given where docker wants a container.
 * Placeholders are not issues (see findVariables), nor is `docker pull` of a local tag.
 */
export function lintCommand(text: string): CommandIssue[] {
  const lexed = lex(text);
  const issues: CommandIssue[] = lexed.problems.map((p) => ({ message: p.message, column: p.start, length: p.end - p.start, severity: 'error' }));
  for (const pipeline of pipelinesOf(parseStatements(lexed.tokens, text))) {
    for (const inv of invocationsOf(pipeline, text)) for (const rule of LINT_RULES) issues.push(...rule(inv, text));
  }
  return issues.sort((a, b) => a.column - b.column);
}
