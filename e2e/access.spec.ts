// Every route in the build needs a session: pages, route handlers and server actions, enumerated from .next; CSRF and cookie flags.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { builtRoutes, builtServerActions } from './build-routes';
import { baseURL, token } from './support';

const FOREIGN = 'http://evil.example';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// Sign-in and sign-out are the two actions a signed-out visitor must be able to call.
const PUBLIC_ACTIONS = new Set(['app/signin/actions.ts#signIn', 'app/signin/actions.ts#signOut']);
// Framework pages Next builds into every app, with the status Next gives them when asked by name.
const FRAMEWORK_PAGES = new Map([
  ['/_not-found', 404],
  ['/_global-error', 500],
]);

/** What any request could change: the lab's clusters and SSM activations (heartbeats aside). */
async function ecsState(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${process.env.E2E_LAB_ENDPOINT}/_lab/state`, {
    headers: { authorization: 'Bearer lab' },
  });
  const state = (await response.json()) as { clusters: unknown; activations: unknown };
  return JSON.stringify([state.clusters, state.activations]);
}

/** Calls a server action the way Next's client does: POST to a page with its id and JSON arguments. */
function callAction(
  request: APIRequestContext,
  id: string,
  args: unknown[],
  headers: Record<string, string> = {},
) {
  return request.post(`${baseURL()}/`, {
    headers: {
      'next-action': id,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      origin: baseURL(),
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

async function sessionCookie(request: APIRequestContext, headers: Record<string, string> = {}) {
  const response = await request.get(`${baseURL()}/signin?token=${token()}`, {
    headers,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie');
  expect(cookie).toBeDefined();
  return cookie!.value;
}

test.beforeAll(async () => {
  await fetch(`${process.env.E2E_LAB_ENDPOINT}/_lab/reset`, {
    method: 'POST',
    headers: { authorization: 'Bearer lab' },
  });
});

test('every page, route handler and server action in the build refuses a signed-out caller', async ({
  request,
}) => {
  const all = builtRoutes();
  const actions = builtServerActions();
  const before = await ecsState(request);
  let checks = 0;
  for (const route of all) {
    if (route.kind === 'page') {
      const response = await request.get(`${baseURL()}${route.url}`, { maxRedirects: 0 });
      checks += 1;
      if (route.pattern === '/signin') {
        expect(response.status()).toBe(200);
      } else if (FRAMEWORK_PAGES.has(route.pattern)) {
        expect(response.status(), route.url).toBe(FRAMEWORK_PAGES.get(route.pattern));
        expect(response.headers()['set-cookie'], route.url).toBeUndefined();
      } else {
        expect(response.status(), route.url).toBe(307);
        expect(response.headers().location, route.url).toMatch(/^(https?:\/\/[^/]+)?\/signin$/);
      }
      continue;
    }
    if (!route.pattern.startsWith('/api/'))
      throw new Error(`a route handler outside /api this test does not know: ${route.pattern}`);
    let answered = 0;
    for (const method of METHODS) {
      const response = await request.fetch(`${baseURL()}${route.url}`, {
        method,
        maxRedirects: 0,
        headers: { origin: baseURL(), 'content-type': 'application/json' },
        data: method === 'GET' ? undefined : '{}',
      });
      checks += 1;
      // 405: the handler does not export that method (Next answers before any code runs).
      expect([401, 405], `${method} ${route.url}`).toContain(response.status());
      if (response.status() === 401) {
        answered += 1;
        expect(response.headers()['content-type']).toMatch(/^application\/json/);
        expect(JSON.stringify(await response.json())).toMatch(/unauthorized/i);
      }
    }
    expect(answered, `${route.url} answered 401 to no method`).toBeGreaterThan(0);
  }
  for (const action of actions) {
    checks += 1;
    const response = await callAction(request, action.id, [{}]);
    const body = await response.text();
    if (PUBLIC_ACTIONS.has(action.name)) {
      expect(response.headers()['set-cookie'] ?? '', action.name).not.toMatch(
        /console_session=[^;]+/,
      );
      continue;
    }
    expect(body, action.name).toContain('"code":"Unauthorized"');
    expect(body, action.name).not.toContain('"ok":true');
  }
  expect(await ecsState(request)).toBe(before);
  console.log(
    `access: ${all.filter((r) => r.kind === 'page').length} pages, ${all.filter((r) => r.kind === 'route').length} route handlers, ${actions.length} server actions, ${checks} requests`,
  );
});

test('with a session, a foreign Origin is refused by server actions and mutating routes', async ({
  request,
}) => {
  const cookie = (await sessionCookie(request)).split(';')[0]!;
  const before = await ecsState(request);
  for (const action of builtServerActions()) {
    if (PUBLIC_ACTIONS.has(action.name)) continue;
    const response = await callAction(request, action.id, [{}], { cookie, origin: FOREIGN });
    const body = await response.text();
    expect(response.status(), action.name).toBeGreaterThanOrEqual(400);
    expect(body, action.name).not.toContain('"ok":');
  }
  for (const [method, url, data] of [
    ['POST', '/api/traffic/runs', { target: { kind: 'host', host: 'whoami.domain.com' } }],
    ['DELETE', '/api/traffic/runs/current', undefined],
    ['POST', '/api/clusters', { cluster: 'anywhere-lab' }],
  ] as const) {
    const crossSite: Record<string, string>[] = [
      { origin: FOREIGN },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const response = await request.fetch(`${baseURL()}${url}`, {
        method,
        headers: { cookie, 'content-type': 'application/json', ...headers },
        data: data ? JSON.stringify(data) : undefined,
        maxRedirects: 0,
      });
      expect(response.status(), `${method} ${url} ${JSON.stringify(headers)}`).toBe(403);
      expect(response.headers()['set-cookie']).toBeUndefined();
    }
  }
  expect(await ecsState(request)).toBe(before);
  // The same action from the console's own origin is allowed through to its own checks.
  const scale = builtServerActions().find((a) => a.name.endsWith('#scaleService'))!;
  const own = await callAction(request, scale.id, [{ service: '', desiredCount: 1 }], { cookie });
  expect(await own.text()).toContain('"code":"InvalidInput"');
});

test('the session cookie is HttpOnly and SameSite=Strict, and Secure over HTTPS', async ({
  request,
}) => {
  const plain = await sessionCookie(request);
  expect(plain).toMatch(/;\s*HttpOnly/i);
  expect(plain).toMatch(/;\s*SameSite=Strict/i);
  expect(plain).not.toMatch(/;\s*Secure/i);
  expect(plain).not.toContain(token());
  const https = await sessionCookie(request, { 'x-forwarded-proto': 'https' });
  expect(https).toMatch(/;\s*Secure/i);
  expect(https).toMatch(/;\s*HttpOnly/i);
  expect(https).toMatch(/;\s*SameSite=Strict/i);
});
