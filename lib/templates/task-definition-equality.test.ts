import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { deployWhoamiInput } from '@/lib/schemas/actions';
import { sameTaskDefinition } from '@/lib/templates/task-definition-equality';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';

const wanted = whoamiTaskDefinition(deployWhoamiInput.parse({}));

// What ECS answers for that registration: defaults filled in, metadata added, label order changed.
function asRegistered(): TaskDefinition {
  const container = wanted.containerDefinitions![0]!;
  return {
    ...wanted,
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:000000000000:task-definition/Whoami:3',
    revision: 3,
    status: 'ACTIVE',
    compatibilities: ['EXTERNAL'],
    registeredAt: new Date(),
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
    containerDefinitions: [
      {
        ...container,
        cpu: 0,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        dockerLabels: Object.fromEntries(Object.entries(container.dockerLabels!).reverse()),
      },
    ],
  };
}

describe('sameTaskDefinition', () => {
  it('treats ECS defaults and metadata as equal to the template', () => {
    expect(sameTaskDefinition(wanted, asRegistered())).toBe(true);
  });

  it('sees a changed image, label, count of containers or constraint', () => {
    const registered = asRegistered();
    const container = registered.containerDefinitions![0]!;
    expect(
      sameTaskDefinition(wanted, {
        ...registered,
        containerDefinitions: [{ ...container, image: 'traefik/whoami:v1.10.0' }],
      }),
    ).toBe(false);
    expect(
      sameTaskDefinition(wanted, {
        ...registered,
        containerDefinitions: [
          { ...container, dockerLabels: { ...container.dockerLabels, 'traefik.enable': 'false' } },
        ],
      }),
    ).toBe(false);
    expect(
      sameTaskDefinition(wanted, {
        ...registered,
        containerDefinitions: [container, { ...container, name: 'sidecar' }],
      }),
    ).toBe(false);
    expect(
      sameTaskDefinition(wanted, {
        ...registered,
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == other' }],
      }),
    ).toBe(false);
  });

  it('sees a task role that the template no longer has', () => {
    expect(
      sameTaskDefinition(wanted, {
        ...asRegistered(),
        taskRoleArn: 'arn:aws:iam::123456789012:role/Old',
      }),
    ).toBe(false);
  });
});
