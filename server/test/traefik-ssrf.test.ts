// SSRF: whatever path, host or redirect is tried, the Traefik proxy and the traffic generator reach only the Traefik they were given.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { trafficRunInput, type TrafficTarget } from '@/lib/schemas/traffic';
import type { EcsContext } from '@/server/ecs/context';
import { labContext } from '@/server/test/support/lab-context';
import { locateTraefik } from '@/server/traefik/locate';
import { proxyTraefikRequest, type TraefikBase } from '@/server/traefik/proxy';
import { startEngine } from '@/server/traffic/engine';

interface Fake {
  url: string;
  host: string;
  requests: { method: string; url: string; host: string }[];
  close(): Promise<void>;
}

async function fakeServer(address: string, handler: http.RequestListener): Promise<Fake> {
  const requests: Fake['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '' });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  const host = `${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (res: http.ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

let traefik: Fake; // the configured Traefik: answers its read API like Traefik
let redirecting: Fake; // a configured Traefik that answers every read with a redirect elsewhere
let elsewhere: Fake; // another loopback address: must never be reached
let elsewhere6: Fake; // the same on IPv6
let ctx: EcsContext;
let cases = 0;

beforeAll(async () => {
  elsewhere = await fakeServer('127.0.0.3', (_, res) => json(res, { secret: true }));
  elsewhere6 = await fakeServer('::1', (_, res) => json(res, { secret: true }));
  traefik = await fakeServer('127.0.0.2', (req, res) => {
    if (req.url === '/api/version') return json(res, { Version: 'v3.6.12' });
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('{"message":"404 page not found"}');
  });
  let turn = 0;
  redirecting = await fakeServer('127.0.0.2', (_, res) => {
    const targets = [
      `${elsewhere.url}/api/version`,
      `${elsewhere6.url}/api/version`,
      `//${elsewhere.host}/api/version`,
      `http://localhost:${new URL(elsewhere.url).port}/api/version`,
      '/api/version',
    ];
    res.writeHead([301, 302, 303, 307, 308][turn % 5]!, { location: targets[turn++ % 5]! });
    res.end();
  });
  ctx = labContext(inject('labEndpoint'));
});

afterAll(async () => {
  await Promise.all([traefik, redirecting, elsewhere, elsewhere6].map((fake) => fake?.close()));
  console.log(`traefik-ssrf: ${cases} proxy paths and traffic targets`);
});

/** The proxy's own locator, with the fake given as TRAEFIK_API_URL. */
const configured = (fake: Fake) => async (): Promise<TraefikBase> => {
  const { location } = await locateTraefik(ctx, fake.url);
  return location.url ? { url: location.url } : { url: null, reason: 'not found' };
};

function expectNothingElsewhere() {
  expect(elsewhere.requests).toEqual([]);
  expect(elsewhere6.requests).toEqual([]);
}

const E = () => elsewhere.host;
const E6 = () => elsewhere6.host;
// Paths an attacker would try through /api/traefik/<path>, built once the fakes' addresses are known.
const attacks = () => [
  `http://${E()}/api/version`,
  `//${E()}/api/version`,
  `/\\${E()}/api/version`,
  `/api/version@${E()}`,
  `@${E()}/api/version`,
  `/api/http/routers/x@${E()}`,
  `/api/http/routers/${E6()}`,
  `http://${E6()}/api/version`,
  `//[::1]/api/version`,
  `/api/http/routers/localhost`,
  `/api/http/routers/evil.example.com:80`,
  '/api/http/routers/..%2f..%2fapi%2fversion',
  '/api/http/routers/%2e%2e/%2e%2e/x',
  '/api/http/routers/%252e%252e%252f',
  '/api/http/routers/..%5c..%5c',
  '/api/http/routers/%c0%ae%c0%ae',
  '/api/http/routers/．．',
  '/api/version/..;/x',
  '/api/version%00',
  '/api/version%0d%0aHost:%20evil',
  `/api/version#@${E()}`,
];

describe('the Traefik proxy with a configured Traefik', () => {
  it('sends nothing anywhere but Traefik read paths on Traefik, for every attack path', async () => {
    for (const path of attacks()) {
      cases += 1;
      const response = await proxyTraefikRequest(
        { method: 'GET', path, search: '' },
        configured(traefik),
      );
      expect(response.status, path).toBeGreaterThanOrEqual(400);
    }
    expectNothingElsewhere();
    for (const request of traefik.requests) {
      expect(request.host).toBe(traefik.host);
      expect(request.url).toMatch(/^\/api\/[A-Za-z0-9/._@%-]*$/);
      expect(decodeURIComponent(request.url)).not.toMatch(/\.\.|\/\/|\\/);
    }
  });

  it('keeps to Traefik for any generated path', async () => {
    const segment = fc.oneof(
      fc.constantFrom('api', 'http', 'routers', 'version', '..', '.', '', '%2e', '%2f', '%25'),
      fc.constantFrom(`@${E()}`, E(), E6(), '[::1]', 'localhost', 'http:', '\\', '%5c', '?x=1'),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        cases += 1;
        const path = `/${segments.join('/')}`;
        const response = await proxyTraefikRequest(
          { method: 'GET', path, search: '' },
          configured(traefik),
        );
        expect(response.status, path).not.toBe(500);
      }),
      { numRuns: 300 },
    );
    expectNothingElsewhere();
    for (const request of traefik.requests) expect(request.host).toBe(traefik.host);
  });

  it('never follows a redirect, to another address, IPv6, a name or even itself', async () => {
    for (let i = 0; i < 5; i++) {
      cases += 1;
      const response = await proxyTraefikRequest(
        { method: 'GET', path: '/api/version', search: '' },
        configured(redirecting),
      );
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ error: 'redirect' });
    }
    expect(redirecting.requests).toHaveLength(5);
    expectNothingElsewhere();
  });
});

describe('the traffic generator', () => {
  const refusedHosts = () => [
    E(),
    E6(),
    '[::1]',
    '::1',
    `127.0.0.1@${E()}`,
    `whoami.domain.com/${E()}`,
    'http://whoami.domain.com',
    'whoami.domain.com\r\nX: y',
  ];
  const refusedPaths = () => [
    `http://${E()}/`,
    `//${E()}/`,
    '/%2e%2e/%2e%2e/',
    '/..%2f..%2f',
    '/../x',
    '/x%5c..',
    '/x?y=1',
    '/x#z',
    '/[::1]/x',
    '/x\r\nHost: evil',
    '/%zz',
  ];
  // Valid input that only looks like another address: it must stay a Host header or a path on the entrypoint.
  const harmless = (): TrafficTarget[] => [
    { kind: 'host', host: 'evil.example.com' },
    { kind: 'path', path: `/@${E()}/` },
    { kind: 'path', path: `/${E()}/x` },
    { kind: 'path', path: '/%252e%252e/x' },
  ];
  const accepted = (target: unknown) => trafficRunInput.safeParse({ target }).success;

  it('refuses hosts and paths that carry an address, a scheme, traversal or a second line', () => {
    for (const host of refusedHosts()) {
      cases += 1;
      expect(accepted({ kind: 'host', host }), host).toBe(false);
    }
    for (const path of refusedPaths()) {
      cases += 1;
      expect(accepted({ kind: 'path', path }), path).toBe(false);
    }
  });

  it('sends accepted look-alikes to the discovered entrypoint only, as a Host header or a path', async () => {
    const entrypoint = await fakeServer('127.0.0.2', (req, res) =>
      res.end(`Hostname: aaaaaaaaaaaa\nGET ${req.url}\n`),
    );
    try {
      for (const target of harmless()) {
        cases += 1;
        expect(accepted(target), JSON.stringify(target)).toBe(true);
        const before = entrypoint.requests.length;
        const engine = startEngine({
          runId: 'ssrf',
          entrypoint: { host: '127.0.0.2', port: Number(new URL(entrypoint.url).port) },
          target,
          rate: 20,
          durationSeconds: 1,
          concurrency: 2,
          onUpdate: () => undefined,
        });
        await engine.ended;
        const received = entrypoint.requests.slice(before);
        expect(received.length).toBeGreaterThan(0);
        for (const request of received) {
          if (target.kind === 'host')
            expect(request).toMatchObject({ host: target.host, url: '/' });
          else expect(request.url).toBe(target.path);
        }
      }
      expectNothingElsewhere();
    } finally {
      await entrypoint.close();
    }
  });
});
