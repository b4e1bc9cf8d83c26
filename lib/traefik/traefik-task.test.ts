// Reading Traefik facts from task definitions.
import { describe, expect, it } from 'vitest';
import {
  apiContainerPort,
  defaultServiceName,
  hasTraefikLabels,
  isTraefikImage,
  labelledServices,
  refreshSeconds,
} from '@/lib/traefik/traefik-task';

describe('isTraefikImage', () => {
  it('recognises the Traefik image in its spellings', () => {
    for (const image of [
      'traefik',
      'traefik:v3.6',
      'traefik:latest',
      'docker.io/library/traefik:v3.6.12',
      'library/traefik',
      'traefik:v3.6@sha256:abc',
    ]) {
      expect(isTraefikImage(image), image).toBe(true);
    }
  });

  it('refuses other images, including whoami from the traefik organisation', () => {
    for (const image of [
      'traefik/whoami',
      'traefik/whoami:v1.11',
      'nginx',
      'mytraefik',
      null,
      '',
    ]) {
      expect(isTraefikImage(image), String(image)).toBe(false);
    }
  });
});

describe('command flags', () => {
  it('reads refreshSeconds, defaulting to 15', () => {
    expect(refreshSeconds(['--providers.ecs.refreshSeconds=2'])).toBe(2);
    expect(refreshSeconds(['--providers.ecs.refreshseconds', '7'])).toBe(7);
    expect(refreshSeconds(['--api.insecure=true'])).toBe(15);
    expect(refreshSeconds(['--providers.ecs.refreshSeconds=soon'])).toBe(15);
  });

  it("reads the API entrypoint's port, defaulting to 8080", () => {
    expect(apiContainerPort(['--entrypoints.traefik.address=:9000'])).toBe(9000);
    expect(apiContainerPort(['--entrypoints.traefik.address=0.0.0.0:9100/tcp'])).toBe(9100);
    expect(apiContainerPort(['--entrypoints.web.address=:80'])).toBe(8080);
  });
});

describe('labels', () => {
  const labels = {
    'traefik.enable': 'true',
    'traefik.http.routers.whoami-host.service': 'whoami',
    'traefik.http.services.whoami.loadbalancer.server.port': '80',
    'traefik.http.services.other.loadbalancer.server.port': 'x',
  };

  it('finds Traefik labels and the services with their ports', () => {
    expect(hasTraefikLabels(labels)).toBe(true);
    expect(hasTraefikLabels({ 'com.example': 'x' })).toBe(false);
    expect([...labelledServices(labels)]).toEqual([
      ['whoami', 80],
      ['other', null],
    ]);
  });

  it("names an unlabelled container's service like Traefik does", () => {
    expect(defaultServiceName('service:Whoami', 'whoami')).toBe('service-Whoami-whoami');
  });
});
