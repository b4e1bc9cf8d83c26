import { describe, expect, it } from 'vitest';
import { deployLoadBalancerInput } from '@/lib/schemas/actions';
import { loadBalancerTaskDefinition } from '@/lib/templates/load-balancer';

const params = (input: object = {}) => {
  const parsed = deployLoadBalancerInput.parse(input);
  return {
    ...parsed,
    region: parsed.region || 'us-east-1',
    refreshSeconds: parsed.refreshSeconds ?? 15,
  };
};

describe('loadBalancerTaskDefinition', () => {
  it('produces the scenario task definition by default', () => {
    expect(
      loadBalancerTaskDefinition(
        params({ taskRoleArn: 'arn:aws:iam::123456789012:role/TraefikTaskRole' }),
      ),
    ).toEqual({
      family: 'LoadBalancer',
      requiresCompatibilities: ['EXTERNAL'],
      networkMode: 'bridge',
      taskRoleArn: 'arn:aws:iam::123456789012:role/TraefikTaskRole',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == loadbalancer' }],
      containerDefinitions: [
        {
          name: 'traefik',
          image: 'traefik:v3.6',
          essential: true,
          memory: 256,
          portMappings: [
            { containerPort: 80, hostPort: 80, protocol: 'tcp' },
            { containerPort: 8080, hostPort: 8080, protocol: 'tcp' },
          ],
          command: [
            '--api.dashboard=true',
            '--api.insecure=true',
            '--entrypoints.web.address=:80',
            '--providers.ecs.ecsAnywhere=true',
            '--providers.ecs.region=us-east-1',
            '--providers.ecs.autoDiscoverClusters=true',
            '--providers.ecs.exposedByDefault=false',
            '--providers.ecs.refreshSeconds=15',
          ],
        },
      ],
    });
  });

  it('leaves out the task role when none is given', () => {
    expect(loadBalancerTaskDefinition(params())).not.toHaveProperty('taskRoleArn');
  });

  it('applies every parameter', () => {
    const definition = loadBalancerTaskDefinition({
      ...params({
        family: 'Edge',
        imageTag: 'v3.6.2',
        entrypointPort: 8000,
        apiPort: 9000,
        dashboard: false,
        roleName: 'tier',
        roleValue: 'edge',
        memory: 512,
      }),
      region: 'eu-west-3',
      refreshSeconds: 2,
    });
    const container = definition.containerDefinitions?.[0];
    expect(definition.family).toBe('Edge');
    expect(definition.placementConstraints).toEqual([
      { type: 'memberOf', expression: 'attribute:tier == edge' },
    ]);
    expect(container?.image).toBe('traefik:v3.6.2');
    expect(container?.memory).toBe(512);
    expect(container?.portMappings).toEqual([
      { containerPort: 8000, hostPort: 8000, protocol: 'tcp' },
      { containerPort: 9000, hostPort: 9000, protocol: 'tcp' },
    ]);
    expect(container?.command).toEqual([
      '--api.insecure=true',
      '--entrypoints.web.address=:8000',
      '--entrypoints.traefik.address=:9000',
      '--providers.ecs.ecsAnywhere=true',
      '--providers.ecs.region=eu-west-3',
      '--providers.ecs.autoDiscoverClusters=true',
      '--providers.ecs.exposedByDefault=false',
      '--providers.ecs.refreshSeconds=2',
    ]);
  });
});
