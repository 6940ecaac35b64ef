import type { Invocation } from '../invocations';
import { helmRule, kubectlRule, terraformRule } from './cluster';
import { DATABASE_RULES } from './databases';
import { dockerRule } from './docker';
import { NONE } from './findings';
import type { Finding, Rule, RuleContext } from './findings';
import { gitRule } from './git';
import { SYSTEM_RULES } from './system';

export type { Finding, RuleContext } from './findings';
export { runsUntilStopped } from './findings';

/** Classification rules by command name. */
const RULES: ReadonlyMap<string, Rule> = new Map(Object.entries({
  ...SYSTEM_RULES,
  ...DATABASE_RULES,
  git: gitRule,
  docker: dockerRule,
  podman: dockerRule,
  'docker-compose': dockerRule,
  'podman-compose': dockerRule,
  kubectl: kubectlRule,
  helm: helmRule,
  terraform: terraformRule,
  tofu: terraformRule,
} satisfies Record<string, Rule>));

export function findingsOf(inv: Invocation, ctx: RuleContext): readonly Finding[] {
  const rule = RULES.get(inv.name) ?? (inv.name.startsWith('mkfs.') ? RULES.get('mkfs') : undefined);
  return rule ? rule(inv, ctx) : NONE;
}
