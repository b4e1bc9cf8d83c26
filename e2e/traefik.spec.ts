// The admin opens Traefik: routers and servers, each server matched to its ECS task; the proxy answers reads only.
import { DeleteServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { expect, request, test, type Page } from '@playwright/test';
import { labClients } from '../lab/test/support/clients';
import { deployScenario } from '../lab/test/support/scenario';
import { baseURL, screenshot, signIn } from './support';

const CLUSTER = 'anywhere-lab';

test.describe.configure({ mode: 'serial' });

let page: Page;
const ecs = () => {
  const endpoint = process.env.E2E_LAB_ENDPOINT;
  if (!endpoint) throw new Error('E2E_LAB_ENDPOINT is unset: run through playwright.config.ts');
  return labClients(endpoint).ecs;
};

test.beforeAll(async ({ browser }) => {
  await deployScenario(ecs(), CLUSTER);
  page = await browser.newPage();
  await signIn(page);
});

test.afterAll(async () => {
  await page?.close();
  for (const service of ['Whoami', 'LoadBalancer']) {
    await ecs()
      .send(new UpdateServiceCommand({ cluster: CLUSTER, service, desiredCount: 0 }))
      .catch(() => undefined);
    await ecs()
      .send(new DeleteServiceCommand({ cluster: CLUSTER, service }))
      .catch(() => undefined);
  }
});

test('open Traefik: routers and 4 servers, each matched to its task', async () => {
  await page.goto(`${baseURL()}/traefik`);
  await expect(page.getByRole('heading', { name: 'Traefik' })).toBeVisible();
  await expect(page.getByTestId('traefik-source')).toContainText(
    /Discovered: task \S+ of service LoadBalancer on instance mi-\S+ \(\d+\.\d+\.\d+\.\d+\), host port 8080/,
  );
  await expect(page.getByTestId('traefik-version')).toHaveText(/^v3\.6\./);
  const routers = page.getByTestId('traefik-routers');
  await expect(routers.getByText('whoami-host@ecs')).toBeVisible();
  await expect(routers.getByText('whoami-path@ecs')).toBeVisible();
  await expect(routers.getByText('Host is whoami.domain.com')).toBeVisible();
  await expect(routers.getByText('Path is /whoami')).toBeVisible();
  const whoami = page.getByRole('region', { name: 'whoami@ecs' });
  await expect(whoami.locator('[data-testid="traefik-server"][data-matched="true"]')).toHaveCount(
    4,
  );
  await expect(whoami.getByTestId('server-no-task')).toHaveCount(0);
  await expect(whoami.getByText('UP')).toHaveCount(4);
  await expect(page.getByTestId('traefik-in-sync')).toContainText('4 servers matched to 4');
  await expect(page.getByTestId('traefik-entrypoints').getByText('web')).toBeVisible();
  await screenshot(page, 'traefik');
});

test('the Services page shows how Traefik routes each labelled service', async () => {
  await page.goto(`${baseURL()}/services`);
  const whoami = page.getByTestId('service-Whoami');
  await expect(whoami.getByTestId('service-traefik-status')).toContainText(
    '4 of 4 tasks routed · 4 servers',
  );
  // The LoadBalancer carries no Traefik labels: nothing to reconcile.
  await expect(
    page.getByTestId('service-LoadBalancer').getByTestId('service-traefik-status'),
  ).toHaveCount(0);
  await screenshot(page, 'services-traefik');
});

test('the proxy reads Traefik for a signed-in admin only, and nothing else', async () => {
  const version = await page.request.get(`${baseURL()}/api/traefik/api/version`);
  expect(version.status()).toBe(200);
  expect(await version.json()).toMatchObject({ Version: expect.stringMatching(/^v3\.6\./) });
  const router = await page.request.get(
    `${baseURL()}/api/traefik/api/http/routers/whoami-host@ecs`,
  );
  expect(await router.json()).toMatchObject({ rule: 'Host(`whoami.domain.com`)' });

  for (const [pathname, status] of [
    ['/api/traefik/api/providers', 404],
    ['/api/traefik/dashboard/', 404],
    ['/api/traefik/api/http/routers/..%2f..%2fadmin', 400],
    ['/api/traefik/api/http/routers/%252e%252e', 400],
  ] as const) {
    expect((await page.request.get(`${baseURL()}${pathname}`)).status(), pathname).toBe(status);
  }
  const post = await page.request.post(`${baseURL()}/api/traefik/api/version`);
  expect(post.status()).toBe(405);
  expect(post.headers()['allow']).toBe('GET');

  const anonymous = await request.newContext();
  const denied = await anonymous.get(`${baseURL()}/api/traefik/api/version`);
  expect(denied.status()).toBe(401);
  await anonymous.dispose();
});
