import { describe, expect, it } from 'vitest';
import { entrypointsFromCommand, routesFromLabels, webEntrypoint } from './traefik-config';

const scenarioCommand = [
  '--api.dashboard=true',
  '--api.insecure=true',
  '--entrypoints.web.address=:80',
  '--providers.ecs.ecsAnywhere=true',
];

describe('entrypoints', () => {
  it("finds the scenario's web entrypoint", () => {
    expect(webEntrypoint(scenarioCommand)).toEqual({ name: 'web', port: 80 });
  });

  it('reads host:port, the two-argument form and entryPoints spelling', () => {
    expect(
      entrypointsFromCommand([
        '--entryPoints.websecure.address=0.0.0.0:8443',
        '--entrypoints.web.address',
        ':8000',
        '--entrypoints.dns.address=:53/udp',
      ]),
    ).toEqual([
      { name: 'websecure', port: 8443 },
      { name: 'web', port: 8000 },
    ]);
  });

  it('falls back to the first non-API entrypoint, then to :80', () => {
    expect(
      webEntrypoint(['--entrypoints.traefik.address=:8080', '--entrypoints.public.address=:81']),
    ).toEqual({ name: 'public', port: 81 });
    expect(webEntrypoint(['--api.insecure=true'])).toEqual({ name: 'http', port: 80 });
  });
});

describe('routesFromLabels', () => {
  const whoamiLabels = {
    'traefik.enable': 'true',
    'traefik.http.routers.whoami-host.entrypoints': 'web',
    'traefik.http.routers.whoami-host.rule': 'Host(`whoami.domain.com`)',
    'traefik.http.routers.whoami-path.entrypoints': 'web',
    'traefik.http.routers.whoami-path.rule': 'Path(`/whoami`)',
    'traefik.http.services.whoami.loadbalancer.server.port': '80',
  };

  it('turns the Whoami routers into a Host target and a Path target', () => {
    expect(routesFromLabels(whoamiLabels)).toEqual([
      {
        router: 'whoami-host',
        rule: 'Host(`whoami.domain.com`)',
        target: { kind: 'host', host: 'whoami.domain.com' },
        entrypoints: ['web'],
      },
      {
        router: 'whoami-path',
        rule: 'Path(`/whoami`)',
        target: { kind: 'path', path: '/whoami' },
        entrypoints: ['web'],
      },
    ]);
  });

  it('skips matchers whose values would not be safe targets', () => {
    const routes = routesFromLabels({
      'traefik.http.routers.a.rule': 'Host(`evil.com:8080`) || PathPrefix(`/../etc`)',
      'traefik.http.routers.b.rule': 'Host(`ok.example`) && PathPrefix(`/api`)',
    });
    expect(routes.map((r) => r.target)).toEqual([
      { kind: 'host', host: 'ok.example' },
      { kind: 'path', path: '/api' },
    ]);
  });
});
