// ECS degraded while the admin watches /services: a banner says what is wrong and how old the data is, then clears.
import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { expect, test, type Page } from '@playwright/test';
import { labClients } from '../lab/test/support/clients';
import { labAdmin } from '../lab/test/support/lab-admin';
import {
  createUnplaceableService,
  deleteUnplaceableService,
} from '../lab/test/support/unplaceable-service';
import { baseURL, screenshot, signIn } from './support';

const CLUSTER = 'anywhere-lab';
const SERVICE = 'DegradedDemo';

test.describe.configure({ mode: 'serial' });

function lab() {
  const endpoint = process.env.E2E_LAB_ENDPOINT;
  if (!endpoint) throw new Error('E2E_LAB_ENDPOINT is unset: run through playwright.config.ts');
  return { ecs: labClients(endpoint).ecs, admin: labAdmin(`${endpoint}/_lab`) };
}

// Only the console's first snapshot call is faulted, so the test's own SDK calls still change the cluster.
async function faultSnapshots(kind: string, extra: Record<string, unknown> = {}) {
  const { status } = await lab().admin.call('PUT', '/faults', {
    rules: [{ kind, share: 1, operations: ['ecs:DescribeClusters'], ...extra }],
  });
  expect(status).toBe(200);
}

const scale = (desiredCount: number) =>
  lab().ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: SERVICE, desiredCount }));

let page: Page;
const banner = () => page.getByTestId('ecs-health');
const desired = () => page.getByTestId(`service-${SERVICE}`).getByTestId('desired-count');

test.beforeAll(async ({ browser }) => {
  await createUnplaceableService(lab().ecs, CLUSTER, SERVICE, 2);
  page = await browser.newPage({ baseURL: baseURL() });
  await signIn(page);
});

test.afterAll(async () => {
  await page?.close();
  await lab().admin.call('DELETE', '/faults');
  await deleteUnplaceableService(lab().ecs, CLUSTER, SERVICE);
});

test('ECS failing: the banner keeps the last good data, and goes when ECS recovers', async () => {
  await page.goto('/services');
  await expect(desired()).toHaveText('2');
  await expect(banner()).toHaveCount(0);

  await faultSnapshots('error');
  await scale(3);
  await expect(banner()).toContainText('ECS is failing (ServerException)');
  await expect(banner().getByTestId('ecs-health-data-age')).toContainText(
    /Showing data from .+ ago/,
  );
  // The last good data stays on screen while ECS fails.
  await expect(desired()).toHaveText('2');
  await screenshot(page, 'degraded-failing');

  await lab().admin.call('DELETE', '/faults');
  await expect(banner()).toHaveCount(0);
  await expect(desired()).toHaveText('3');
  await screenshot(page, 'degraded-recovered');
});

test('ECS throttling and unreachable are named as such', async () => {
  await faultSnapshots('throttle');
  await expect(banner()).toContainText('ECS is throttling requests');
  await expect(banner()).toHaveAttribute('data-kind', 'throttled');
  await screenshot(page, 'degraded-throttled');

  await faultSnapshots('unreachable');
  await expect(banner()).toContainText('ECS is unreachable');
  await expect(banner()).toContainText('ECONNRESET');
  await screenshot(page, 'degraded-unreachable');

  await lab().admin.call('DELETE', '/faults');
  await expect(banner()).toHaveCount(0);
});

test('slow ECS: the banner gives the refresh time, and the data still updates', async () => {
  await faultSnapshots('delay', { delayMs: 2_000 });
  await scale(4);
  await expect(banner()).toContainText(/ECS answers slowly \(\d+\.\d s\)/);
  await expect(desired()).toHaveText('4');
  await screenshot(page, 'degraded-slow');
  await lab().admin.call('DELETE', '/faults');
  await expect(banner()).toHaveCount(0);
});
