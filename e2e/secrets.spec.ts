// No AWS key, session token or console token in the build, the pages, the API answers, the errors or the console's log; sign-in rate limit.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startLab, type RunningLab } from '../lab/test/lab-process';
import { startConsole, type RunningConsole } from '../scripts/console-process';
import { builtRoutes, builtServerActions } from './build-routes';

const next = path.resolve(import.meta.dirname, '..', '.next');
// Distinctive values: a hit cannot be a coincidence.
const secrets = {
  accessKeyId: `AKIAH7${randomBytes(7).toString('hex').toUpperCase()}`,
  secretAccessKey: `h7secret${randomBytes(16).toString('hex')}`,
  sessionToken: `h7session${randomBytes(16).toString('hex')}`,
  consoleToken: `h7token${randomBytes(16).toString('hex')}`,
};

let lab: RunningLab;
let app: RunningConsole;
let cookie: string;
let scanned = 0;
let scannedBytes = 0;

function expectClean(where: string, text: string) {
  scanned += 1;
  scannedBytes += text.length;
  for (const [name, value] of Object.entries(secrets)) {
    expect(text.includes(value), `${name} found in ${where}`).toBe(false);
  }
}

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => keep(file) && statSync(file).isFile());
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${url}`, {
    headers: { cookie, ...headers },
    redirect: 'manual',
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  lab = await startLab({
    instances: 1,
    env: {
      LAB_ACCESS_KEY_ID: secrets.accessKeyId,
      LAB_SECRET_ACCESS_KEY: secrets.secretAccessKey,
    },
  });
  app = await startConsole(lab.endpoint, secrets.consoleToken, {
    env: {
      LAB_ACCESS_KEY_ID: secrets.accessKeyId,
      LAB_SECRET_ACCESS_KEY: secrets.secretAccessKey,
      AWS_SESSION_TOKEN: secrets.sessionToken,
    },
  });
  const signIn = await fetch(`${app.url}/signin?token=${secrets.consoleToken}`, {
    redirect: 'manual',
  });
  expect(signIn.status).toBe(303);
  expectClean('the sign-in redirect', `${signIn.headers.get('location')}`);
  cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  expectClean('the session cookie', cookie);
});

test.afterAll(async () => {
  await app?.stop();
  await lab?.stop();
  console.log(
    `secrets: ${scanned} files and responses scanned, ${Math.round(scannedBytes / 1024)} KiB`,
  );
});

test('the build output holds no secret and the client bundles read no server variable', () => {
  const statics = filesUnder(path.join(next, 'static'), () => true);
  expect(statics.length).toBeGreaterThan(0);
  for (const file of statics) {
    const text = readFileSync(file, 'utf8');
    expectClean(file, text);
    expect(text, file).not.toMatch(/LAB_SECRET_ACCESS_KEY|LAB_ACCESS_KEY_ID|CONSOLE_TOKEN/);
    expect(text, file).not.toMatch(/AKIA[0-9A-Z]{16}/);
  }
  const prerendered = filesUnder(path.join(next, 'server', 'app'), (file) =>
    /\.(html|rsc|body|meta)$/.test(file),
  );
  for (const file of prerendered) expectClean(file, readFileSync(file, 'utf8'));
});

test('pages, their RSC payloads, API answers and error answers hold no secret', async ({
  page,
}) => {
  const routes = builtRoutes();
  for (const route of routes) {
    if (route.kind === 'page') {
      const html = await get(route.url);
      expectClean(`${route.url} (HTML ${html.status})`, html.text);
      const rsc = await get(route.url, { rsc: '1' });
      expectClean(`${route.url} (RSC ${rsc.status})`, rsc.text);
    } else {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const response = await fetch(`${app.url}${route.url}`, {
          method,
          headers: { cookie, origin: app.url, 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : '{"target":{"kind":"host","host":"`"}}',
          redirect: 'manual',
        });
        expectClean(`${method} ${route.url} (${response.status})`, await response.text());
        if (route.pattern === '/api/traffic/runs/current/events') break;
      }
    }
  }
  // Bad requests and failing calls: the error texts are where a key would most likely slip out.
  for (const url of [
    '/api/task-definitions/describe?arn=arn:aws:ecs:xx:1:task-definition/nope:1',
    '/api/task-definitions/describe?arn=%00',
    '/api/traefik/api/http/routers/..%2f..%2f',
    '/api/traefik/api/version',
    '/no-such-page',
    '/instances/not-an-instance',
    '/tasks/0123456789abcdef0123456789abcdef',
  ]) {
    const response = await get(url);
    expectClean(`${url} (${response.status})`, response.text);
  }
  for (const action of builtServerActions()) {
    const response = await fetch(`${app.url}/`, {
      method: 'POST',
      headers: {
        cookie,
        origin: app.url,
        'next-action': action.id,
        accept: 'text/x-component',
        'content-type': 'text/plain;charset=UTF-8',
      },
      body: JSON.stringify([{ service: 'nope', desiredCount: 1, taskArn: 'nope', value: 'x' }]),
      redirect: 'manual',
    });
    expectClean(`${action.name} (${response.status})`, await response.text());
  }
  // What the browser itself receives: every script, stylesheet, RSC and API poll of the pages.
  await page
    .context()
    .addCookies([{ name: cookie.split('=')[0]!, value: cookie.split('=')[1]!, url: app.url }]);
  const bodies: Promise<void>[] = [];
  page.on('response', (response) =>
    bodies.push(
      response.text().then(
        (text) => expectClean(`browser ${response.url()}`, text),
        () => undefined,
      ),
    ),
  );
  for (const route of routes.filter((r) => r.kind === 'page')) {
    await page.goto(`${app.url}${route.url}`);
    await page.waitForLoadState('networkidle');
  }
  await Promise.all(bodies);
});

test('sign-in attempts are rate-limited: after 10 wrong tokens even the right one waits', async () => {
  for (let i = 0; i < 10; i++) {
    const wrong = await fetch(`${app.url}/signin?token=wrong-${i}`, { redirect: 'manual' });
    expect(wrong.headers.get('location')).toMatch(/error=invalid$/);
  }
  const right = await fetch(`${app.url}/signin?token=${secrets.consoleToken}`, {
    redirect: 'manual',
  });
  expect(right.headers.get('location')).toMatch(/error=too-many$/);
  expect(right.headers.get('set-cookie')).toBeNull();
});

test("the console's log holds no secret", () => {
  const log = app.log();
  expect(log).toMatch(/Ready in/);
  expectClean("the console's stdout and stderr", log);
});
