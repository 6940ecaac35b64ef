import type { Invocation } from '../invocations';
import { optionSet, scanOptions } from '../options';
import { NONE, destructive, interactive, runsUntilStopped, streams, when } from './findings';
import type { Finding } from './findings';

const KUBECTL_VALUED = optionSet(
  '-n --namespace --context --kubeconfig --cluster --user -s --server --token --as --as-group --request-timeout --cache-dir --certificate-authority --client-certificate --client-key --tls-server-name ' +
    '-f --filename -l --selector -c --container -o --output --tail --since --field-selector --grace-period --timeout --replicas --image --port --address --cascade --dry-run -k --kustomize',
);

/** kubectl: global options may come anywhere, so one scan finds the subcommand and its options. */
export function kubectlRule(inv: Invocation): readonly Finding[] {
  const o = scanOptions(inv.argv, { valued: KUBECTL_VALUED });
  const [sub, ...rest] = o.positionals.map((p) => p.value);
  const dryRun = (o.get('--dry-run') ?? 'none') !== 'none';
  const terminal = o.has('-i', '--stdin') && o.has('-t', '--tty');
  switch (sub) {
    case 'delete':
      return when([!dryRun, destructive(`deletes Kubernetes resources${rest.length > 0 ? ': ' + rest.join(' ') : ''}`, 3)]);
    case 'drain':
      return [destructive('evicts every pod from the node')];
    case 'exec':
    case 'run':
    case 'attach':
      return when([terminal, interactive('opens an interactive terminal in the pod (-it)')]);
    case 'edit':
      return [interactive('opens an editor')];
    case 'logs':
      return when([o.has('-f', '--follow'), streams('follows the pod log until interrupted (-f)')]);
    case 'port-forward':
      return [runsUntilStopped('forwards ports until interrupted')];
    case 'proxy':
      return [runsUntilStopped('proxies the API server until interrupted')];
    case 'get':
    case 'events':
      return when([o.has('-w', '--watch', '--watch-only'), streams('watches until interrupted (-w)')]);
    default:
      return NONE;
  }
}

const HELM_VALUED = optionSet('-n --namespace --kube-context --kubeconfig --repository-config --registry-config --timeout');

export function helmRule(inv: Invocation): readonly Finding[] {
  const o = scanOptions(inv.argv, { valued: HELM_VALUED });
  const [sub, release] = o.positionals.map((p) => p.value);
  const uninstall = sub === 'uninstall' || sub === 'delete' || sub === 'del' || sub === 'un';
  return when([uninstall && !o.has('--dry-run'), destructive(`uninstalls the Helm release${release !== undefined ? ' ' + release : ''} and deletes its resources`, 3)]);
}

/** Terraform options are single-dash long options (`-auto-approve`); some take a separate value. */
const TERRAFORM_VALUED: ReadonlySet<string> = optionSet('-var -var-file -target -replace -lock-timeout -parallelism -state -state-out -backup');

export function terraformRule(inv: Invocation): readonly Finding[] {
  const positionals: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < inv.argv.length; i++) {
    const arg = inv.argv[i] ?? '';
    if (!arg.startsWith('-')) positionals.push(arg);
    else {
      const name = arg.replace(/^--?/, '-').split('=')[0] ?? arg;
      flags.add(name);
      if (TERRAFORM_VALUED.has(name) && !arg.includes('=')) i++;
    }
  }
  const [sub, second, plan] = positionals;
  const autoApprove = flags.has('-auto-approve');
  const destroys = sub === 'destroy' || (sub === 'apply' && flags.has('-destroy'));
  const confirms = !autoApprove && (destroys || (sub === 'apply' && second === undefined && plan === undefined));
  return when(
    [destroys, destructive('destroys all the infrastructure it manages', 3)],
    [sub === 'state' && second === 'rm', destructive('removes resources from the Terraform state')],
    [confirms, interactive('asks for confirmation (no -auto-approve)')],
    [sub === 'console', interactive('opens the Terraform console')],
  );
}
