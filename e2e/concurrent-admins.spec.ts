// Two admins scale the same service at the same moment: ECS keeps one of the two counts, and both screens show it.
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { labClients } from '../lab/test/support/clients';
import {
  createUnplaceableService,
  deleteUnplaceableService,
} from '../lab/test/support/unplaceable-service';
import { baseURL, screenshot, signIn } from './support';

const CLUSTER = 'anywhere-lab';
const SERVICE = 'ContendedDemo';
// One poll is 2 s; allow the refresh that is already in flight to land first.
const ONE_POLL_MS = 5_000;

function ecs() {
  const endpoint = process.env.E2E_LAB_ENDPOINT;
  if (!endpoint) throw new Error('E2E_LAB_ENDPOINT is unset: run through playwright.config.ts');
  return labClients(endpoint).ecs;
}

async function admin(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() });
  const page = await context.newPage();
  await signIn(page);
  await page.goto('/services');
  return page;
}

const card = (page: Page) => page.getByTestId(`service-${SERVICE}`);

let alice: Page;
let bob: Page;

test.beforeAll(async ({ browser }) => {
  await createUnplaceableService(ecs(), CLUSTER, SERVICE, 2);
  [alice, bob] = await Promise.all([admin(browser), admin(browser)]);
});

test.afterAll(async () => {
  await alice?.context().close();
  await bob?.context().close();
  await deleteUnplaceableService(ecs(), CLUSTER, SERVICE);
});

test('both scale at once: the final count is one of the two, on both screens within a poll', async () => {
  for (const page of [alice, bob])
    await expect(card(page).getByTestId('desired-count')).toHaveText('2');
  await card(alice).getByLabel(`Desired count of ${SERVICE}`).fill('5');
  await card(bob).getByLabel(`Desired count of ${SERVICE}`).fill('7');
  await Promise.all([
    card(alice).getByRole('button', { name: 'Scale' }).click(),
    card(bob).getByRole('button', { name: 'Scale' }).click(),
  ]);
  await expect(
    alice.getByTestId('toast').filter({ hasText: `Scaling ${SERVICE} to 5` }),
  ).toBeVisible();
  await expect(
    bob.getByTestId('toast').filter({ hasText: `Scaling ${SERVICE} to 7` }),
  ).toBeVisible();

  const { services } = await ecs().send(
    new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }),
  );
  const final = services![0]!.desiredCount!;
  expect([5, 7]).toContain(final);
  // Read after both answered: neither page may still show its own request if ECS kept the other.
  const started = Date.now();
  await Promise.all(
    [alice, bob].map((page) =>
      expect(card(page).getByTestId('desired-count')).toHaveText(String(final), {
        timeout: ONE_POLL_MS,
      }),
    ),
  );
  console.log(
    `concurrent-admins: final desiredCount ${final}, both screens agreed in ${Date.now() - started} ms`,
  );
  await screenshot(alice, 'concurrent-admins-alice');
  await screenshot(bob, 'concurrent-admins-bob');
});
