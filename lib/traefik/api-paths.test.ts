// The proxy's allowlist: exact read-API paths, strict names and queries, no traversal in any encoding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTraefikApiPath } from '@/lib/traefik/api-paths';

describe('checkTraefikApiPath', () => {
  it('allows the read API', () => {
    for (const path of [
      '/api/overview',
      '/api/entrypoints',
      '/api/entrypoints/web',
      '/api/version',
      '/api/rawdata',
      '/api/http/routers',
      '/api/http/routers/whoami-host@ecs',
      '/api/http/services/whoami@ecs',
      '/api/http/middlewares',
      '/api/tcp/routers',
      '/api/tcp/services/x@file',
      '/api/tcp/middlewares',
      '/api/udp/routers',
      '/api/udp/services/u.1@file',
      '/api/http/routers/whoami-host%40ecs',
    ]) {
      expect(checkTraefikApiPath(path), path).toMatchObject({ ok: true });
    }
    expect(checkTraefikApiPath('/api/http/routers/whoami-host%40ecs')).toMatchObject({
      path: '/api/http/routers/whoami-host@ecs',
      kind: 'http-router',
    });
  });

  it('refuses other paths with 404', () => {
    for (const path of [
      '/api/providers',
      '/dashboard/',
      '/metrics',
      '/ping',
      '/',
      '',
      '/api',
      '/api/udp/middlewares',
      '/api/http/routers/a/b',
      '/api/version/',
      '/API/version',
      '/api/http/routers/a:b',
      'evil.com/api/version',
    ]) {
      expect(checkTraefikApiPath(path), path).toMatchObject({ ok: false, status: 404 });
    }
  });

  it('refuses traversal, encoded or not, and double encoding with 400', () => {
    for (const path of [
      '/api/http/routers/..%2f..%2fadmin',
      '/api/http/routers/%252e%252e',
      '/api/%2e%2e/x',
      '/api/%2E%2E/x',
      '/api/http/routers/..',
      '/api/http/routers/.',
      '/api/../api/version',
      '//evil.com/api/version',
      'http://evil.com/api/version',
      '/api//version',
      '/api\\version',
      '/api/http/routers/%5c',
      '/api/http/routers/%',
      '/api/http/routers/%00',
      '/api/version%0a',
    ]) {
      expect(checkTraefikApiPath(path), path).toMatchObject({ ok: false, status: 400 });
    }
  });

  it('allows only known query parameters with valid values', () => {
    expect(
      checkTraefikApiPath('/api/http/routers', '?page=2&per_page=50&search=who&status=enabled'),
    ).toMatchObject({ ok: true });
    for (const search of [
      '?host=evil.com',
      '?page=0',
      '?page=1&page=2',
      '?status=all',
      '?search=%2e%2e',
      '?per_page=100000',
      '?search=<script>',
    ]) {
      expect(checkTraefikApiPath('/api/http/routers', search), search).toMatchObject({
        ok: false,
        status: 400,
      });
    }
  });

  it('never lets an accepted path hold a dot segment, a double slash or leave /api/', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (tail) => {
        const result = checkTraefikApiPath(`/api/${tail}`);
        if (!result.ok) return true;
        return (
          result.path.startsWith('/api/') &&
          !result.path.includes('..') &&
          !result.path.includes('//') &&
          new URL(result.path, 'http://traefik.invalid:8080').host === 'traefik.invalid:8080'
        );
      }),
    );
  });
});
