// The LoadBalancer (Traefik) task definition of the scenario, from validated deploy parameters.
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { DeployLoadBalancerParams } from '@/lib/schemas/actions';
import { TRAEFIK_DEFAULT_API_PORT, WEB_ENTRYPOINT } from '@/lib/templates/constants';
import { attributeConstraint } from '@/lib/templates/placement';

// Region and refresh interval resolved against the target (the form may leave them empty).
export type LoadBalancerTemplateParams = Omit<
  DeployLoadBalancerParams,
  'region' | 'refreshSeconds'
> & {
  region: string;
  refreshSeconds: number;
};

export function traefikCommand(params: LoadBalancerTemplateParams): string[] {
  return [
    ...(params.dashboard ? ['--api.dashboard=true'] : []),
    '--api.insecure=true',
    `--entrypoints.${WEB_ENTRYPOINT}.address=:${params.entrypointPort}`,
    ...(params.apiPort !== TRAEFIK_DEFAULT_API_PORT
      ? [`--entrypoints.traefik.address=:${params.apiPort}`]
      : []),
    '--providers.ecs.ecsAnywhere=true',
    `--providers.ecs.region=${params.region}`,
    '--providers.ecs.autoDiscoverClusters=true',
    '--providers.ecs.exposedByDefault=false',
    `--providers.ecs.refreshSeconds=${params.refreshSeconds}`,
  ];
}

export function loadBalancerTaskDefinition(
  params: LoadBalancerTemplateParams,
): RegisterTaskDefinitionCommandInput {
  return {
    family: params.family,
    requiresCompatibilities: ['EXTERNAL'],
    networkMode: 'bridge',
    ...(params.taskRoleArn ? { taskRoleArn: params.taskRoleArn } : {}),
    placementConstraints: [attributeConstraint(params.roleName, params.roleValue)],
    containerDefinitions: [
      {
        name: params.containerName,
        image: `traefik:${params.imageTag}`,
        essential: true,
        memory: params.memory,
        portMappings: [
          {
            containerPort: params.entrypointPort,
            hostPort: params.entrypointPort,
            protocol: 'tcp',
          },
          { containerPort: params.apiPort, hostPort: params.apiPort, protocol: 'tcp' },
        ],
        command: traefikCommand(params),
      },
    ],
  };
}
