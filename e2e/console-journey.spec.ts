// The scenario through the UI only: sign in, assign roles, deploy both services, scale, stop a task, clean up.
import { expect, test, type Page } from '@playwright/test';
import { baseURL, resetLab, screenshot, signIn } from './support';

// Steps run in order in one worker (workers: 1). Not serial mode: a step that waits on the lab's scheduler may
// fail without hiding the steps after it; a worker restarted after a failure signs in again in beforeAll.
let page: Page;
const browserErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  // Specs share one lab: the journey starts from a fresh cluster whatever ran before it.
  await resetLab();
  page = await browser.newPage({ baseURL: baseURL(), viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => browserErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat|React error/i.test(message.text())) {
      browserErrors.push(`${page.url()}: ${message.text()}`);
    }
  });
  await signIn(page);
});

test.afterAll(async () => {
  await page.close();
});

const service = (name: string) => page.getByTestId(`service-${name}`);
const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name, exact: true });

async function expectToast(text: RegExp | string) {
  await expect(page.getByTestId('toast').filter({ hasText: text }).last()).toBeVisible();
}

test('1. sign in with the printed URL', async () => {
  await signIn(page);
  await expect(page.getByTestId('stat-instances-connected')).toContainText('3 / 3');
  await screenshot(page, 'overview-empty');
});

test('2. assign roles and deploy both services', async () => {
  await nav('Instances').click();
  await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible();
  const boxes = page.getByRole('checkbox', { name: /^Select mi-/ });
  await expect(boxes).toHaveCount(3);

  await boxes.nth(0).check();
  await page.getByLabel('Role preset').selectOption('loadbalancer');
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expectToast('Set role=loadbalancer on 1 instance');
  await expect(page.getByTestId('cli-equivalent').last()).toContainText('aws ecs put-attributes');

  await boxes.nth(1).check();
  await boxes.nth(2).check();
  await page.getByLabel('Role preset').selectOption('webserver');
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expectToast('Set role=webserver on 2 instances');
  await expect(page.getByRole('cell', { name: 'webserver', exact: true })).toHaveCount(2);
  await expect(page.getByRole('cell', { name: 'loadbalancer', exact: true })).toHaveCount(1);
  await screenshot(page, 'instances');

  await nav('Services').click();
  await page.getByRole('button', { name: 'Deploy LoadBalancer' }).click();
  await expectToast(/Created service LoadBalancer/);
  await page.getByRole('button', { name: 'Deploy Whoami' }).click();
  await expectToast(/Created service Whoami/);
  await expect(service('Whoami').getByTestId('desired-count')).toHaveText('4');
  await expect(service('LoadBalancer').getByTestId('desired-count')).toHaveText('1');
  await expect(service('Whoami').getByTestId('placement-constraints')).toContainText(
    'attribute:role == webserver',
  );
  await screenshot(page, 'services-deployed');
  // Needs the lab's scheduler: tasks placed and running.
  await expect(service('LoadBalancer').getByTestId('running-count')).toHaveText('1', {
    timeout: 90_000,
  });
  await expect(service('Whoami').getByTestId('running-count')).toHaveText('4', { timeout: 90_000 });
  await screenshot(page, 'services-running');
});

test('3. scale Whoami to 6 and back to 4', async () => {
  await page.goto('/services');
  const whoami = service('Whoami');
  await whoami.getByLabel('Desired count of Whoami').fill('6');
  await whoami.getByRole('button', { name: 'Scale' }).click();
  await expectToast('Scaling Whoami to 6');
  await expect(whoami.getByTestId('desired-count')).toHaveText('6');
  await expect(whoami.getByTestId('running-count')).toHaveText('6', { timeout: 90_000 });
  await whoami.getByRole('button', { name: 'Decrease Whoami desired count' }).click();
  await whoami.getByRole('button', { name: 'Decrease Whoami desired count' }).click();
  await whoami.getByRole('button', { name: 'Scale' }).click();
  await expectToast('Scaling Whoami to 4');
  await expect(whoami.getByTestId('running-count')).toHaveText('4', { timeout: 90_000 });
});

test('4. stop a task and see it replaced', async () => {
  await nav('Tasks').click();
  await page.getByRole('button', { name: /^running/ }).click();
  const whoamiRows = page.getByRole('row').filter({ hasText: 'Whoami' });
  await expect(whoamiRows).toHaveCount(4, { timeout: 60_000 });
  await screenshot(page, 'tasks-running');
  const stopButton = whoamiRows.first().getByRole('button', { name: /^Stop task / });
  const taskId = ((await stopButton.getAttribute('aria-label')) ?? '').replace('Stop task ', '');
  await stopButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stop task' }).click();
  await expectToast(`Stopping task ${taskId.slice(0, 8)}`);
  await expect(page.getByRole('button', { name: `Stop task ${taskId}` })).toHaveCount(0, {
    timeout: 60_000,
  });
  // The scheduler replaces it: four running Whoami tasks again, the stopped one not among them.
  await expect(whoamiRows).toHaveCount(4, { timeout: 90_000 });
  await page.getByRole('button', { name: /^stopped/ }).click();
  await page.getByRole('searchbox', { name: 'Search tasks' }).fill(taskId);
  await expect(page.getByRole('row').filter({ hasText: taskId.slice(0, 8) })).toContainText(
    'STOPPED',
  );
  await screenshot(page, 'tasks-stopped');
});

test('every page renders (screenshots)', async () => {
  await page.goto('/');
  await expect(page.getByTestId('stat-services-running')).toBeVisible();
  // Traefik was discovered through ECS and SSM, and its API answers.
  await expect(page.getByTestId('stat-traefik')).toContainText('reachable');
  await expect(page.getByTestId('stat-traefik')).toContainText('v3.6');
  await screenshot(page, 'overview');
  await page.goto('/services');
  await expect(service('Whoami')).toBeVisible();
  await screenshot(page, 'services');
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await screenshot(page, 'tasks');
  await page.goto('/instances');
  await page
    .getByRole('link', { name: /^[0-9a-f]{12}$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Custom attributes/ })).toBeVisible();
  await screenshot(page, 'instance-detail');
  await page.goto('/task-definitions');
  await expect(page.getByTestId('task-definition-json')).toContainText('"family"');
  await screenshot(page, 'task-definitions');
  await page.goto('/settings');
  await expect(page.getByTestId('settings')).toContainText('lab');
  await screenshot(page, 'settings');
  await page.goto('/traefik');
  await screenshot(page, 'traefik');
  expect(browserErrors).toEqual([]);
});

test('5. clean up', async () => {
  await page.goto('/services');
  await page.getByText('Clean up…').click();
  await page.getByLabel(/deregister every instance/).fill('anywhere-lab');
  await page.getByLabel(/delete the cluster/).fill('anywhere-lab');
  await page.getByRole('button', { name: 'Clean up' }).click();
  await expectToast(/Clean-up done/);
  await screenshot(page, 'clean-up');
  await expect(page.getByText(/Cluster anywhere-lab is (deleted|not there)/)).toBeVisible();
});
