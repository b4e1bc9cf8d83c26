import { describe, expect, it } from 'vitest';
import { deployWhoamiInput } from '@/lib/schemas/actions';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';

describe('whoamiTaskDefinition', () => {
  it('produces the scenario task definition by default', () => {
    expect(whoamiTaskDefinition(deployWhoamiInput.parse({}))).toEqual({
      family: 'Whoami',
      requiresCompatibilities: ['EXTERNAL'],
      networkMode: 'bridge',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == webserver' }],
      containerDefinitions: [
        {
          name: 'whoami',
          image: 'traefik/whoami',
          essential: true,
          memory: 128,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          dockerLabels: {
            'traefik.enable': 'true',
            'traefik.http.routers.whoami-host.entrypoints': 'web',
            'traefik.http.routers.whoami-host.rule': 'Host(`whoami.domain.com`)',
            'traefik.http.routers.whoami-host.service': 'whoami',
            'traefik.http.routers.whoami-path.entrypoints': 'web',
            'traefik.http.routers.whoami-path.rule': 'Path(`/whoami`)',
            'traefik.http.routers.whoami-path.service': 'whoami',
            'traefik.http.services.whoami.loadbalancer.server.port': '80',
          },
        },
      ],
    });
  });

  it('derives router names from the Traefik service name and uses the given rules', () => {
    const definition = whoamiTaskDefinition(
      deployWhoamiInput.parse({
        traefikService: 'shop',
        host: 'shop.example.org',
        path: '/shop/api',
        image: 'traefik/whoami:v1.11.0',
        roleValue: 'frontend',
      }),
    );
    expect(definition.containerDefinitions?.[0]?.dockerLabels).toEqual({
      'traefik.enable': 'true',
      'traefik.http.routers.shop-host.entrypoints': 'web',
      'traefik.http.routers.shop-host.rule': 'Host(`shop.example.org`)',
      'traefik.http.routers.shop-host.service': 'shop',
      'traefik.http.routers.shop-path.entrypoints': 'web',
      'traefik.http.routers.shop-path.rule': 'Path(`/shop/api`)',
      'traefik.http.routers.shop-path.service': 'shop',
      'traefik.http.services.shop.loadbalancer.server.port': '80',
    });
    expect(definition.containerDefinitions?.[0]?.image).toBe('traefik/whoami:v1.11.0');
    expect(definition.placementConstraints?.[0]?.expression).toBe('attribute:role == frontend');
  });
});
