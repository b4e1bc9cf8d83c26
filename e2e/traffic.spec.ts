// Live traffic through Traefik from the Traffic page: even split, scaling to 6, a stopped task, bad input, disconnects.
import { StopTaskCommand } from '@aws-sdk/client-ecs';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { labClients } from '../lab/test/support/clients';
import { deployScenario } from '../lab/test/support/scenario';
import { baseURL, screenshot, signIn } from './support';

const CLUSTER = 'anywhere-lab';

let context: BrowserContext;
let page: Page;

const labEndpoint = () => process.env.E2E_LAB_ENDPOINT ?? '';
const rows = () => page.getByTestId('backend-row');
const activeRows = () => page.locator('[data-testid="backend-row"][data-active="true"]');
const status = () => page.getByTestId('run-status');

interface Snapshot {
  cluster: { status: string };
  instances: { arn: string; agentConnected: boolean; role: string | null }[];
  services: { name: string; status: string; desiredCount: number; runningCount: number }[];
}

async function snapshot(): Promise<Snapshot> {
  const response = await page.request.get('/api/snapshot');
  expect(response.ok()).toBe(true);
  return (await response.json()) as Snapshot;
}

async function expectToast(text: RegExp | string) {
  await expect(page.getByTestId('toast').filter({ hasText: text }).last()).toBeVisible();
}

/**
 * The scenario's world, set up with the AWS SDK like any other client of the lab (the UI for it is the
 * console journey's subject): 3 instances with roles, LoadBalancer 1/1, Whoami 4/4.
 */
async function ensureScenario() {
  const { ecs } = labClients(labEndpoint());
  // Earlier specs leave the cluster in any state (deleted, services draining): start the lab over.
  const reset = await fetch(`${labEndpoint()}/_lab/reset`, {
    method: 'POST',
    headers: { authorization: 'Bearer lab' },
  });
  expect(reset.status).toBe(200);
  await expect
    .poll(async () => (await snapshot()).instances.filter((i) => i.agentConnected).length, {
      timeout: 60_000,
    })
    .toBe(3);
  await deployScenario(ecs, CLUSTER);
  await expect
    .poll(
      async () =>
        (await snapshot()).services
          .filter((s) => ['LoadBalancer', 'Whoami'].includes(s.name) && s.status === 'ACTIVE')
          .map((s) => `${s.name} ${s.runningCount}/${s.desiredCount}`)
          .sort(),
      { timeout: 120_000 },
    )
    .toEqual(['LoadBalancer 1/1', 'Whoami 4/4']);
}

async function setRun(rate: number, duration: number) {
  await page.getByLabel('Rate (req/s)').fill(String(rate));
  await page.getByLabel('Duration (s)').fill(String(duration));
}

async function startRun(rate: number, duration: number) {
  await setRun(rate, duration);
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(status()).toHaveAttribute('data-phase', 'running');
}

async function stopRun() {
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status()).toHaveAttribute('data-phase', 'ended');
  await expect(status()).toContainText('Run stopped.');
}

async function shareOf(row: Locator, testId: 'backend-share' | 'backend-total-share') {
  return Number(await row.getByTestId(testId).getAttribute('data-share'));
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: 1440, height: 900 },
  });
  page = await context.newPage();
  await signIn(page);
  await ensureScenario();
  await page.goto('/traffic');
  await expect(page.getByTestId('entrypoint')).toBeVisible();
  // Traefik's ECS provider needs a refresh or two before it routes to all four tasks.
  await expect(async () => {
    await page.goto('/traffic');
    await startRun(40, 2);
    await expect(status()).toHaveAttribute('data-reason', 'completed', { timeout: 10_000 });
    expect(await activeRows().count()).toBe(4);
  }).toPass({ timeout: 90_000 });
});

test.afterAll(async () => {
  await context.close();
});

test('a run at 50 req/s for 10 s splits evenly over 4 backends with no errors', async () => {
  await page.goto('/traffic');
  await expect(page.getByRole('radio', { name: 'Host header' })).toBeChecked();
  await expect(page.locator('#traffic-target')).toHaveValue('whoami.domain.com');
  await startRun(50, 10);
  await expect(status()).toContainText('Running: 50 req/s to Host whoami.domain.com');
  await expect(status()).toHaveAttribute('data-reason', 'completed', { timeout: 30_000 });
  await expect(status()).toContainText('Run completed');
  await expect(rows()).toHaveCount(4);
  for (const row of await rows().all()) {
    expect(Math.abs((await shareOf(row, 'backend-total-share')) - 0.25)).toBeLessThanOrEqual(0.05);
    await expect(row.getByRole('link').first()).toBeVisible();
    await expect(row).toContainText(/mi-/);
  }
  await expect(page.getByTestId('total-errors')).toContainText('0');
  await expect(page.getByTestId('no-errors')).toBeVisible();
  const sent = Number(
    (await page.getByTestId('total-sent').locator('dd').innerText()).replace(/\D/g, ''),
  );
  expect(sent).toBeGreaterThanOrEqual(480);
  expect(sent).toBeLessThanOrEqual(510);
  await expect(page.getByTestId('shares-chart').locator('.recharts-area')).toHaveCount(4);
  await screenshot(page, 'traffic');
});

test('bad parameters are refused with a message per field, by the form and by the server', async () => {
  await page.goto('/traffic');
  await setRun(10_000, 601);
  await page.getByLabel('Concurrency').fill('0');
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByText('Rate must be at most 500.')).toBeVisible();
  await expect(page.getByText('Duration must be at most 600.')).toBeVisible();
  await expect(page.getByText('Concurrency must be at least 1.')).toBeVisible();
  await expect(status()).toHaveAttribute('data-phase', 'idle');

  const bad = await page.request.post('/api/traffic/runs', {
    data: {
      target: { kind: 'host', host: 'http://169.254.169.254/' },
      rate: 10_000,
      durationSeconds: 601,
      concurrency: 65,
    },
  });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { code: string }; fields: Record<string, string> };
  expect(body.error.code).toBe('InvalidInput');
  expect(Object.keys(body.fields).sort()).toEqual([
    'concurrency',
    'durationSeconds',
    'rate',
    'target.host',
  ]);
  const traversal = await page.request.post('/api/traffic/runs', {
    data: { target: { kind: 'path', path: '/a/%2e%2e/admin' } },
  });
  expect(traversal.status()).toBe(400);
  const traversalFields = ((await traversal.json()) as { fields: Record<string, string> }).fields;
  expect(Object.keys(traversalFields)).toEqual(['target.path']);
  const foreign = await page.request.post('/api/traffic/runs', {
    data: { target: { kind: 'path', path: '/whoami' } },
    headers: { origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  const signedOut = await fetch(`${baseURL()}/api/traffic/runs`, {
    method: 'POST',
    body: JSON.stringify({ target: { kind: 'path', path: '/whoami' } }),
  });
  expect(signedOut.status).toBe(401);
});

test('scaling Whoami to 6 from the Traffic page during a run makes 6 backends appear', async () => {
  await page.goto('/traffic');
  await startRun(60, 120);
  await expect(activeRows()).toHaveCount(4, { timeout: 15_000 });
  await page.getByLabel('Desired count of Whoami').fill('6');
  await page.getByRole('button', { name: 'Scale', exact: true }).click();
  await expectToast('Scaling Whoami to 6');
  await expect(activeRows()).toHaveCount(6, { timeout: 60_000 });
  await expect(
    page.getByTestId('shares-chart').locator('.recharts-reference-line'),
  ).not.toHaveCount(0);
  await screenshot(page, 'traffic-scaled');
  await stopRun();
  await page.getByLabel('Desired count of Whoami').fill('4');
  await page.getByRole('button', { name: 'Scale', exact: true }).click();
  await expectToast('Scaling Whoami to 4');
  await expect
    .poll(async () => (await snapshot()).services.find((s) => s.name === 'Whoami')?.runningCount, {
      timeout: 60_000,
    })
    .toBe(4);
});

test('stopping a task drops its share to 0, and any errors are shown', async () => {
  await page.goto('/traffic');
  await startRun(50, 120);
  await expect(activeRows()).toHaveCount(4, { timeout: 20_000 });
  await expect(activeRows().first()).toHaveAttribute('data-task-id', /.+/, { timeout: 10_000 });
  const victim = activeRows().first();
  const backend = (await victim.getAttribute('data-backend'))!;
  const taskId = (await victim.getAttribute('data-task-id'))!;

  // Stopped through ECS directly (the Tasks page's own stop flow is the console journey's subject).
  await labClients(labEndpoint()).ecs.send(
    new StopTaskCommand({ cluster: CLUSTER, task: taskId, reason: 'traffic e2e' }),
  );

  const row = page.locator(`[data-testid="backend-row"][data-backend="${backend}"]`);
  await expect(row).toHaveAttribute('data-active', 'false', { timeout: 30_000 });
  await expect(row.getByTestId('backend-share')).toHaveAttribute('data-share', '0');
  await expect(row).toContainText('gone');
  const errors = Number(
    (await page.getByTestId('total-errors').locator('dd').innerText()).replace(/\D/g, ''),
  );
  if (errors > 0) await expect(page.getByTestId('error-kinds')).toBeVisible();
  else await expect(page.getByTestId('no-errors')).toBeVisible();
  await screenshot(page, 'traffic-task-stopped');
  await stopRun();
});

test('leaving the page ends the run, so a new one can start at once', async () => {
  await page.goto('/traffic');
  await startRun(20, 300);
  await page.goto('/services');
  await expect
    .poll(
      async () =>
        (
          await page.request.post('/api/traffic/runs', {
            data: { target: { kind: 'path', path: '/whoami' }, durationSeconds: 1 },
          })
        ).status(),
      { timeout: 10_000 },
    )
    .toBe(201);
  const again = await page.request.post('/api/traffic/runs', {
    data: { target: { kind: 'path', path: '/whoami' } },
  });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
    /already in progress/,
  );
  expect((await page.request.delete('/api/traffic/runs/current')).status()).toBe(204);
});
