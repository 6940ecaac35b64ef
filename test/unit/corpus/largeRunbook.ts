/**
 * Generates the corpus fixture `11-large-generated.md` (about 3,000 lines) and its expected
 * summary. The summary is built from the generator's own model of what it wrote (which
 * sections, blocks, commands and checklist items, on which lines), never from the parser, so
 * it is an independent oracle for the parser.
 *
 * The committed fixture is what the tests read; a test checks it is still what this
 * generator makes. To regenerate after changing this file:
 *
 *   npx tsc -p test && node out/test/unit/corpus/largeRunbook.js
 */
import { writeFileSync } from 'node:fs';
import { fixturePath } from '../../repoPaths';
import type { RunbookSummary, SectionSummary } from './summarize';

export const LARGE_FIXTURE = '11-large-generated';

const DOMAINS = [
  'orders', 'payments', 'identity', 'search', 'catalog', 'billing', 'shipping', 'notifications', 'reviews', 'inventory',
  'pricing', 'recommendations', 'analytics', 'media', 'accounts', 'gateway', 'cart', 'checkout', 'loyalty', 'support',
];
const COMPONENTS = ['api', 'worker', 'scheduler', 'web', 'consumer', 'cron'];
const SERVICE_COUNT = 104;

class Emitter {
  readonly lines: string[] = [];
  /** 0-based line the next `push` writes. */
  get line(): number {
    return this.lines.length;
  }
  push(...lines: string[]): void {
    this.lines.push(...lines);
  }
}

interface Expected {
  sections: SectionSummary[];
  commands: string[];
  alerts: string[];
  criteria: string[];
  diagnostics: string[];
}

function fence(out: Emitter, lang: string, body: readonly string[], marker = '```', indent = ''): void {
  out.push(`${indent}${marker}${lang}`, ...body.map((l) => (l.length > 0 ? indent + l : l)), `${indent}${marker}`);
}

/** Heading steps, an "Expected output" block, a checklist and a rollback sub-section. */
function styleHeadings(out: Emitter, exp: Expected, name: string, ns: string): SectionSummary[] {
  out.push(`### Step 1: Build ${name} (5 min)`, '');
  fence(out, 'bash', [`docker build -t registry.acme.io/${name}:$RELEASE services/${name}`, `docker push registry.acme.io/${name}:$RELEASE`]);
  out.push('', `### Step 2: Deploy ${name} (10 min)`, '');
  fence(out, 'bash', [`kubectl -n ${ns} apply -f services/${name}/k8s/`, `kubectl -n ${ns} rollout status deploy/${name} --timeout=5m`]);
  out.push('', 'Expected output:', '');
  fence(out, '', [`deployment "${name}" successfully rolled out`]);
  out.push('', `### Verify ${name}`, '', `- [ ] ${name} pods ready`, '- [ ] Error rate < 1%', '');
  out.push(`### Rollback ${name}`, '');
  fence(out, 'bash', [`kubectl -n ${ns} rollout undo deploy/${name}`]);
  out.push('');
  exp.commands.push(
    `docker build -t registry.acme.io/${name}:$RELEASE services/${name}`,
    `docker push registry.acme.io/${name}:$RELEASE`,
    `kubectl -n ${ns} apply -f services/${name}/k8s/`,
    `kubectl -n ${ns} rollout status deploy/${name} --timeout=5m`,
    `kubectl -n ${ns} rollout undo deploy/${name}`,
  );
  exp.criteria.push('Error rate < 1% => error_rate < 1%');
  return [
    { label: `Step 1: Build ${name}`, role: 'step', plannedMinutes: 5, code: { commands: 1 } },
    { label: `Step 2: Deploy ${name}`, role: 'step', plannedMinutes: 10, code: { commands: 1, output: 1 } },
    { label: `Verify ${name}`, role: 'section', tasks: 2 },
    { label: `Rollback ${name}`, role: 'section', traits: ['rollback'], code: { commands: 1 } },
  ];
}

/** A numbered list whose items hold fenced blocks (steps), a GFM table and a checklist. */
function styleNumbered(out: Emitter, exp: Expected, name: string, ns: string): { sections: SectionSummary[]; tasks: number } {
  out.push('1. Render the chart values:');
  fence(out, 'bash', [`helm template ${name} charts/${name} -n ${ns} --set image.tag=$RELEASE > /tmp/${name}.yaml`], '```', '   ');
  out.push('2. Upgrade the release (5 min):');
  fence(out, 'bash', [`helm upgrade --install ${name} charts/${name} -n ${ns} --set image.tag=$RELEASE --wait`], '```', '   ');
  out.push('3. Announce it in #deploys.', '');
  out.push('| Check | Target |', '|-------|--------|', '| p95 latency | < 300 ms |', '| errors | < 1 % |', '');
  out.push('- [ ] Latency p95 < 300ms', `- [ ] ${name} dashboard reviewed`, '');
  exp.commands.push(
    `helm template ${name} charts/${name} -n ${ns} --set image.tag=$RELEASE > /tmp/${name}.yaml`,
    `helm upgrade --install ${name} charts/${name} -n ${ns} --set image.tag=$RELEASE --wait`,
  );
  exp.criteria.push('Latency p95 < 300ms => response_time_p95 < 300ms');
  return {
    sections: [
      { label: '1. Render the chart values', role: 'step', code: { commands: 1 } },
      { label: '2. Upgrade the release', role: 'step', plannedMinutes: 5, code: { commands: 1 } },
    ],
    tasks: 2,
  };
}

/** A `~~~console` transcript, commands inside `<details>`, and an option group. */
function styleConsole(out: Emitter, exp: Expected, name: string, ns: string): SectionSummary[] {
  fence(
    out,
    'console',
    [
      `$ kubectl -n ${ns} get deploy ${name}`,
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
      `${name}   3/3     3            3           41d`,
      `$ kubectl -n ${ns} set image deploy/${name} app=registry.acme.io/${name}:$RELEASE`,
      `deployment.apps/${name} image updated`,
    ],
    '~~~',
  );
  out.push('', '<details>', '<summary>Logs if it does not start</summary>', '');
  fence(out, 'bash', [`kubectl -n ${ns} logs deploy/${name} --tail=100`]);
  out.push('', '</details>', '', '### Traffic switch (choose one)', '', '#### Option A: All at once', '');
  fence(out, 'bash', [`kubectl -n ${ns} patch svc ${name} -p '{"spec":{"selector":{"track":"new"}}}'`]);
  out.push('', '#### Option B: Canary first', '');
  fence(out, 'bash', [`kubectl -n ${ns} scale deploy/${name}-canary --replicas=1`]);
  out.push('');
  exp.commands.push(
    `kubectl -n ${ns} get deploy ${name}`,
    `kubectl -n ${ns} set image deploy/${name} app=registry.acme.io/${name}:$RELEASE`,
    `kubectl -n ${ns} logs deploy/${name} --tail=100`,
    `kubectl -n ${ns} patch svc ${name} -p '{"spec":{"selector":{"track":"new"}}}'`,
    `kubectl -n ${ns} scale deploy/${name}-canary --replicas=1`,
  );
  return [
    {
      label: 'Traffic switch (choose one)',
      role: 'section',
      traits: ['optionGroup'],
      sections: [
        { label: 'Option A: All at once', role: 'option', code: { commands: 1 } },
        { label: 'Option B: Canary first', role: 'option', code: { commands: 1 } },
      ],
    },
  ];
}

/** Alert conditions in comments, an unset variable, destructive clean-up commands. */
function styleMigration(out: Emitter, exp: Expected, name: string, ns: string, firstMigration: boolean): SectionSummary[] {
  const table = name.replace(/-/g, '_');
  out.push('### Step 1: Migrate the data (20 min)', '', '```bash', '# Set up alerts for:', '# - error_rate > 2%', '# - memory growth > 10% in 1 hour');
  const dumpLine = `pg_dump "$LEGACY_DB_URL" -Fc -t ${table} | pg_restore -d "$NEW_DB_URL" --no-owner`;
  if (firstMigration) exp.diagnostics.push(`${out.line + 1}:${dumpLine.indexOf('$LEGACY_DB_URL') + 1} information unknown-variable`);
  out.push(dumpLine, '```', '', '### Step 2: Remove the old deployment', '');
  fence(out, 'bash', [`kubectl --context prod-eu-1 -n ${ns} delete deploy/${name}`, `kubectl --context prod-eu-1 -n ${ns} delete configmap ${name}-config`]);
  out.push('', `- [ ] Old ${name} pods gone`, '');
  exp.commands.push(
    dumpLine,
    `kubectl --context prod-eu-1 -n ${ns} delete deploy/${name} [destructive]`,
    `kubectl --context prod-eu-1 -n ${ns} delete configmap ${name}-config [destructive]`,
  );
  exp.alerts.push('error_rate > 2%', 'memory_growth > 10%');
  return [
    { label: 'Step 1: Migrate the data', role: 'step', plannedMinutes: 20, code: { commands: 1 } },
    { label: 'Step 2: Remove the old deployment', role: 'step', code: { commands: 1 }, tasks: 1 },
  ];
}

export function generateLargeRunbook(): { markdown: string; expected: RunbookSummary } {
  const out = new Emitter();
  const exp: Expected = { sections: [], commands: [], alerts: [], criteria: [], diagnostics: [] };
  const title = `Fleet migration: moving ${SERVICE_COUNT} services to prod-eu-2`;
  out.push(
    `# ${title}`,
    '',
    'Every service moves from `prod-eu-1` to `prod-eu-2` in the order below. Do them one at a',
    'time; each section stands on its own, so you can stop between two services. The styles',
    'differ because each team wrote its own section.',
    '',
    '## Preparation (15 min)',
    '',
    'Everything below assumes these variables are set in your shell:',
    '',
  );
  fence(out, 'bash', ['export RELEASE=2025.10.3', 'export CLUSTER=prod-eu-2', 'export NEW_DB_URL=postgres://migrator@db.prod-eu-2.internal/app', 'kubectl config use-context "$CLUSTER"', 'kubectl get nodes -o wide']);
  out.push('', '- [ ] Change freeze announced in #ops', '- [ ] Snapshot of the old cluster taken', '');
  exp.commands.push('export RELEASE=2025.10.3', 'export CLUSTER=prod-eu-2', 'export NEW_DB_URL=postgres://migrator@db.prod-eu-2.internal/app', 'kubectl config use-context "$CLUSTER"', 'kubectl get nodes -o wide');
  exp.sections.push({ label: 'Preparation', role: 'section', plannedMinutes: 15, code: { commands: 1 }, tasks: 2 });

  let firstMigration = true;
  for (let i = 1; i <= SERVICE_COUNT; i++) {
    const domain = DOMAINS[(i - 1) % DOMAINS.length] ?? 'misc';
    const name = `${domain}-${COMPONENTS[Math.floor((i - 1) / DOMAINS.length) % COMPONENTS.length] ?? 'svc'}`;
    const number = String(i).padStart(2, '0');
    const minutes = 10 + (i % 3) * 5;
    out.push(`## Service ${number}: ${name} (${minutes} min)`, '', `Owner: team-${domain}. Namespace \`${domain}\`, image \`registry.acme.io/${name}\`.`, '');
    const section: SectionSummary = { label: `Service ${number}: ${name}`, role: 'section', plannedMinutes: minutes };
    switch (i % 4) {
      case 1:
        section.sections = styleHeadings(out, exp, name, domain);
        break;
      case 2: {
        const numbered = styleNumbered(out, exp, name, domain);
        section.tasks = numbered.tasks;
        section.sections = numbered.sections;
        break;
      }
      case 3:
        section.code = { commands: 2 };
        section.sections = styleConsole(out, exp, name, domain);
        break;
      default:
        section.sections = styleMigration(out, exp, name, domain, firstMigration);
        firstMigration = false;
        break;
    }
    exp.sections.push(section);
  }

  out.push('## Fleet-wide rollback', '', 'If more than three services fail, stop and roll everything back:', '');
  fence(out, 'bash', ['for ns in orders payments identity search catalog; do', '  kubectl -n "$ns" rollout undo deploy --all', 'done']);
  out.push('', '## Expected Timeline', '');
  fence(out, 'text', ['Preparation:        15 minutes', `Services 01-${SERVICE_COUNT}:     ~16 hours`, 'Sign-off:           10 minutes']);
  out.push('', '## Sign-off', '', '- [ ] All services green', '- [ ] Old cluster scaled to zero');
  exp.commands.push('for ns in orders payments identity search catalog; do');
  exp.sections.push(
    { label: 'Fleet-wide rollback', role: 'section', traits: ['rollback'], code: { commands: 1 } },
    { label: 'Expected Timeline', role: 'section', code: { content: 1 } },
    { label: 'Sign-off', role: 'section', traits: ['signOff'], tasks: 2 },
  );

  const markdown = out.lines.join('\n') + '\n';
  return {
    markdown,
    expected: {
      title,
      // The empty line after the final newline counts, as in every other fixture.
      lineCount: out.lines.length + 1,
      sections: exp.sections,
      commands: exp.commands,
      variables: ['RELEASE', 'CLUSTER', 'NEW_DB_URL', 'LEGACY_DB_URL', 'ns'],
      alerts: exp.alerts,
      criteria: exp.criteria,
      diagnostics: exp.diagnostics,
    },
  };
}

if (require.main === module) {
  const { markdown, expected } = generateLargeRunbook();
  writeFileSync(fixturePath('runbooks', 'corpus', `${LARGE_FIXTURE}.md`), markdown);
  writeFileSync(fixturePath('runbooks', 'corpus', `${LARGE_FIXTURE}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
  process.stdout.write(`wrote ${LARGE_FIXTURE}.md (${markdown.split('\n').length - 1} lines)\n`);
}
