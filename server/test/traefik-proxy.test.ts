// The Traefik proxy cannot reach anything else: other paths, methods, hosts, encoded traversal, redirects, huge or slow upstreams.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionValue, SESSION_COOKIE } from '@/server/auth/session-token';
import { proxyTraefikRequest, type TraefikBase } from '@/server/traefik/proxy';

const TOKEN = 'traefik-proxy-test-token-0123456789';
process.env.CONSOLE_TOKEN = TOKEN;
process.env.LAB_ENDPOINT ??= 'http://127.0.0.1:9';

interface Fake {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function fakeServer(handler: http.RequestListener): Promise<Fake> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} host=${req.headers.host}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (res: http.ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

let traefik: Fake; // answers like Traefik on its read API
let elsewhere: Fake; // must never be reached
let redirecting: Fake;
let huge: Fake;
let slow: Fake;
let wrongShape: Fake;
let html: Fake;

beforeAll(async () => {
  elsewhere = await fakeServer((_, res) => json(res, { secret: true }));
  traefik = await fakeServer((req, res) => {
    if (req.url === '/api/version') return json(res, { Version: 'v3.6.12', Codename: 'cheddar' });
    if (/^\/api\/http\/routers(\?|$)/.test(req.url ?? '')) return json(res, []);
    json(res, { message: `not found: ${req.url}` }, 404);
  });
  redirecting = await fakeServer((_, res) => {
    res.writeHead(302, { location: `${elsewhere.url}/api/version` });
    res.end();
  });
  huge = await fakeServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = `"${'x'.repeat(64 * 1024)}",`;
    res.write('[');
    let sent = 0;
    const pump = () => {
      while (sent < 100 && res.write(chunk)) sent++;
      if (sent < 100) res.once('drain', pump);
      else res.end('"end"]');
    };
    pump();
  });
  slow = await fakeServer(() => undefined);
  wrongShape = await fakeServer((_, res) => json(res, { Version: 42 }));
  html = await fakeServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>{"Version":"v3"}</html>');
  });
});

afterAll(async () => {
  await Promise.all(
    [traefik, elsewhere, redirecting, huge, slow, wrongShape, html].map((f) => f?.close()),
  );
});

const at = (fake: Fake) => async (): Promise<TraefikBase> => ({ url: fake.url });
const get = (path: string, search = '', base = traefik) =>
  proxyTraefikRequest({ method: 'GET', path, search }, at(base));

describe('the Traefik proxy', () => {
  it('forwards allowlisted reads to the located Traefik only, validated', async () => {
    const response = await get('/api/version');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ Version: 'v3.6.12' });
    expect((await get('/api/http/routers', '?page=1&per_page=10&status=enabled')).status).toBe(200);
    expect(traefik.requests.at(-1)).toMatch(
      /^GET \/api\/http\/routers\?page=1&per_page=10&status=enabled host=127\.0\.0\.1:\d+$/,
    );
  });

  it('refuses other paths with a 4xx, without asking Traefik', async () => {
    const before = traefik.requests.length;
    for (const path of [
      '/api/providers',
      '/dashboard/',
      '/metrics',
      '/ping',
      '/api/http/routers/a/b',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
    }
    expect(traefik.requests.length).toBe(before);
  });

  it('refuses every method but GET with 405 and an Allow header', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const response = await proxyTraefikRequest(
        { method, path: '/api/version', search: '' },
        at(traefik),
      );
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    }
  });

  it('refuses encoded traversal in every spelling with 400', async () => {
    const before = traefik.requests.length;
    for (const path of [
      '/api/http/routers/..%2f..%2fadmin',
      '/api/http/routers/%252e%252e',
      '/api/%2e%2e/x',
      '/api/http/routers/..',
      '/api/http/routers/%2E%2E%2Fapi%2Fproviders',
      '/api/http/routers/a%5c..%5cb',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
    }
    expect(traefik.requests.length).toBe(before);
  });

  it('cannot be pointed at another host', async () => {
    const before = elsewhere.requests.length;
    const host = new URL(elsewhere.url).host;
    for (const path of [
      `${elsewhere.url}/api/version`,
      `//${host}/api/version`,
      `/api/version@${host}`,
      `@${host}/api/version`,
      `/api/http/routers/x@${host}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
    for (const search of [`?host=${host}`, `?url=${elsewhere.url}`]) {
      expect((await get('/api/version', search)).status).toBe(400);
    }
    // A name containing @host stays a path on Traefik: 404 there, nothing reaches the other server.
    const named = await get('/api/http/routers/x@127.0.0.1');
    expect(named.status).toBe(404);
    expect(traefik.requests.at(-1)).toMatch(/^GET \/api\/http\/routers\/x@127\.0\.0\.1 host=/);
    expect(elsewhere.requests.length).toBe(before);
  });

  it('never follows a redirect', async () => {
    const before = elsewhere.requests.length;
    const response = await get('/api/version', '', redirecting);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: 'redirect' });
    expect(redirecting.requests).toHaveLength(1);
    expect(elsewhere.requests.length).toBe(before);
  });

  it('caps the answer size and times out a silent upstream', async () => {
    const big = await get('/api/http/routers', '', huge);
    expect(big.status).toBe(502);
    expect(await big.json()).toMatchObject({ error: 'too-large' });

    const started = Date.now();
    const response = await proxyTraefikRequest(
      { method: 'GET', path: '/api/version', search: '' },
      at(slow),
      { timeoutMs: 500 },
    );
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('passes back only JSON of the expected shape', async () => {
    const shape = await get('/api/version', '', wrongShape);
    expect(shape.status).toBe(502);
    expect(await shape.json()).toMatchObject({ error: 'invalid' });
    const page = await get('/api/version', '', html);
    expect(page.status).toBe(502);
    expect(await page.json()).toMatchObject({ error: 'not-json' });
  });

  it('says so when no Traefik was found', async () => {
    const response = await proxyTraefikRequest(
      { method: 'GET', path: '/api/version', search: '' },
      async () => ({
        url: null,
        reason: 'No service or task in this cluster runs a traefik image.',
      }),
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ message: /traefik image/ });
  });
});

describe('the proxy route handler', () => {
  const route = () => import('@/app/api/traefik/[...path]/route');
  const signedIn = { cookie: `${SESSION_COOKIE}=${createSessionValue(TOKEN)}` };

  it('answers 401 JSON without a valid session, whatever the method', async () => {
    const { GET, POST } = await route();
    const url = 'http://localhost/api/traefik/api/version';
    for (const response of [
      await GET(new Request(url)),
      await GET(new Request(url, { headers: { cookie: `${SESSION_COOKIE}=forged` } })),
      await POST(new Request(url, { method: 'POST' })),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthorized' });
    }
  });

  it('with a session, still refuses other methods, paths and traversal before locating Traefik', async () => {
    const { GET, DELETE } = await route();
    const base = 'http://localhost/api/traefik';
    const remove = await DELETE(
      new Request(`${base}/api/version`, { method: 'DELETE', headers: signedIn }),
    );
    expect(remove.status).toBe(405);
    expect(remove.headers.get('allow')).toBe('GET');
    for (const [path, status] of [
      ['/api/providers', 404],
      ['/api/http/routers/..%2f..%2fadmin', 400],
      ['/api/http/routers/%252e%252e', 400],
      ['/metrics', 404],
    ] as const) {
      const response = await GET(
        new Request(`${base}${path}`, { headers: { ...signedIn, host: 'evil.com' } }),
      );
      expect(response.status, path).toBe(status);
    }
  });
});
