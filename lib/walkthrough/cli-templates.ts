// The CLI each step would run, filled in with the form's values: shown before the step's action has run.
import {
  createServiceCli,
  deleteServiceCli,
  putAttributesCli,
  registerTaskDefinitionCli,
  updateServiceCli,
} from '@/lib/cli/ecs-commands';
import { commandLine, shellQuote } from '@/lib/cli/shell-quote';
import {
  refreshSecondsDefaults,
  type DeployLoadBalancerParams,
  type DeployWhoamiParams,
} from '@/lib/schemas/actions';
import { loadBalancerTaskDefinition } from '@/lib/templates/load-balancer';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';
import type { ProbeMode } from '@/lib/walkthrough/schema';

export function clusterCli(cluster: string): string {
  return [
    commandLine(['aws', 'ecs', 'list-container-instances', '--cluster', cluster]),
    `${commandLine(['aws', 'ecs', 'describe-container-instances', '--cluster', cluster, '--container-instances'])} $INSTANCE_ARNS`,
    commandLine(['aws', 'ssm', 'describe-instance-information']),
  ].join('\n');
}

export function rolesCli(
  cluster: string,
  roleName: string,
  plan: { arn: string; value: string }[],
): string {
  if (plan.length === 0) return '# Pick the load balancer instance first.';
  return putAttributesCli(
    cluster,
    plan.map((p) => ({ name: roleName, value: p.value, targetId: p.arn })),
  );
}

function serviceCli(cluster: string, service: string, family: string, desiredCount: number) {
  return createServiceCli({ cluster, service, taskDefinition: family, desiredCount });
}

export function loadBalancerCli(
  cluster: string,
  target: 'lab' | 'aws',
  region: string,
  params: DeployLoadBalancerParams,
): string {
  const definition = loadBalancerTaskDefinition({
    ...params,
    region: params.region || region,
    refreshSeconds: params.refreshSeconds ?? refreshSecondsDefaults[target],
  });
  return [
    registerTaskDefinitionCli(definition),
    serviceCli(cluster, params.serviceName, params.family, params.desiredCount),
  ].join('\n');
}

export function whoamiCli(cluster: string, params: DeployWhoamiParams): string {
  return [
    registerTaskDefinitionCli(whoamiTaskDefinition(params)),
    serviceCli(cluster, params.serviceName, params.family, params.desiredCount),
  ].join('\n');
}

/** `curl -H 'Host: whoami.domain.com' http://<LB IP>/` once per request, as the scenario does by hand. */
export function curlCommands(
  entrypoint: { host: string; port: number } | null,
  mode: ProbeMode,
  target: { host: string; path: string },
  count: number,
): string {
  const path = mode === 'host' ? '/' : target.path;
  const header = mode === 'host' ? ['-H', `Host: ${target.host}`] : [];
  const url = entrypoint
    ? shellQuote(
        `http://${entrypoint.port === 80 ? entrypoint.host : `${entrypoint.host}:${entrypoint.port}`}${path}`,
      )
    : `"http://$LB_HOST_IP"${shellQuote(path)}`;
  const line = `${commandLine(['curl', ...header])} ${url}`;
  return Array.from({ length: Math.max(1, count) }, () => line).join('\n');
}

export function cleanUpCli(cluster: string, services: string[], families: string[]): string {
  return [
    ...services.flatMap((service) => [
      updateServiceCli({ cluster, service, desiredCount: 0 }),
      deleteServiceCli(cluster, service),
    ]),
    ...families.map(
      (family) =>
        `${commandLine(['aws', 'ecs', 'list-task-definitions', '--family-prefix', family, '--status', 'ACTIVE'])}  # then deregister-task-definition each`,
    ),
  ].join('\n');
}
