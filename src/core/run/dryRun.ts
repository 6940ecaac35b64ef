import { redactSecrets } from './redact';
import type { RenderedCommand } from './renderCommand';
import type { StepPlan } from './stepPlan';

function commentLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `# ${line}`)
    .join('\n');
}

/**
 * A dry run of a plan as a shell-commented script: each command as it would be sent
 * (`display`: never a secret value), how it would run, and the environment names it needs
 * (non-secret values shown, secrets as names only). `rendered` maps command ids to
 * renderCommand results; a command missing from it is shown as written in the runbook.
 */
export function formatDryRun(plan: StepPlan, rendered: ReadonlyMap<string, RenderedCommand>, secrets: ReadonlySet<string> = new Set()): string {
  const out: string[] = [`# Dry run: ${plan.label} (${plan.commands.length} command${plan.commands.length === 1 ? '' : 's'}, nothing is run)`];
  plan.commands.forEach((planned, index) => {
    const r = rendered.get(planned.command.id);
    const how =
      planned.mode === 'await'
        ? 'run, await its exit code'
        : `start, do not await (${planned.startReason === 'interactive' ? 'interactive' : 'long-running'})`;
    out.push('', `# ${index + 1}/${plan.commands.length}: ${how}`);
    if (r) {
      const hidden = Object.entries(r.env).filter(([name]) => secrets.has(name) || name.startsWith('DP_'));
      for (const [name, value] of Object.entries(r.env)) {
        // DP_* carry placeholders passed through the environment: secrets or values that cannot be shown.
        if (secrets.has(name) || name.startsWith('DP_')) out.push(`# env ${name} (value hidden)`);
        else out.push(commentLines(redactSecrets(`env ${name}=${JSON.stringify(value)}`, hidden.map(([, v]) => v))));
      }
      for (const issue of r.issues) out.push(`# cannot run: <${issue.name}> ${issue.reason === 'missing' ? 'has no value' : 'cannot be passed safely'}`);
    }
    out.push(r ? r.display : planned.command.text);
  });
  return `${out.join('\n')}\n`;
}
