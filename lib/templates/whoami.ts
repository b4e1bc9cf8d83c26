// The Whoami web-app task definition of the scenario: placement, dynamic host port and Traefik labels.
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { DeployWhoamiParams } from '@/lib/schemas/actions';
import { WEB_ENTRYPOINT } from '@/lib/templates/constants';
import { attributeConstraint } from '@/lib/templates/placement';
import { hostRule, pathRule, routerLabels, servicePortLabel } from '@/lib/templates/traefik-rules';

// whoami listens on port 80 inside its container; the host port is dynamic (0).
const WHOAMI_PORT = 80;

export function whoamiLabels(params: DeployWhoamiParams): Record<string, string> {
  const service = params.traefikService;
  return {
    'traefik.enable': 'true',
    ...routerLabels(`${service}-host`, hostRule(params.host), service, WEB_ENTRYPOINT),
    ...routerLabels(`${service}-path`, pathRule(params.path), service, WEB_ENTRYPOINT),
    ...servicePortLabel(service, WHOAMI_PORT),
  };
}

export function whoamiTaskDefinition(
  params: DeployWhoamiParams,
): RegisterTaskDefinitionCommandInput {
  return {
    family: params.family,
    requiresCompatibilities: ['EXTERNAL'],
    networkMode: 'bridge',
    placementConstraints: [attributeConstraint(params.roleName, params.roleValue)],
    containerDefinitions: [
      {
        name: params.containerName,
        image: params.image,
        essential: true,
        memory: params.memory,
        portMappings: [{ containerPort: WHOAMI_PORT, hostPort: 0, protocol: 'tcp' }],
        dockerLabels: whoamiLabels(params),
      },
    ],
  };
}
