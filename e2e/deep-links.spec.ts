// The admin follows links between tasks, instances and services, copies an ARN, reads a time's absolute value,
// scales with progress and a toast, and opens a task that is gone.
import { DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { expect, test, type Page } from '@playwright/test';
import { labClients } from '../lab/test/support/clients';
import { deployScenario } from '../lab/test/support/scenario';
import { waitFor } from '../lab/test/support/wait';
import { baseURL, labEndpoint, resetLab, screenshot, signIn } from './support';

const CLUSTER = 'anywhere-lab';

test.describe.configure({ mode: 'serial' });

let page: Page;
let taskArn: string;
let taskId: string;

const ecs = () => labClients(labEndpoint()).ecs;

async function runningWhoamiTasks(): Promise<string[]> {
  const { taskArns = [] } = await ecs().send(
    new ListTasksCommand({ cluster: CLUSTER, serviceName: 'Whoami', desiredStatus: 'RUNNING' }),
  );
  if (taskArns.length === 0) return [];
  const { tasks = [] } = await ecs().send(
    new DescribeTasksCommand({ cluster: CLUSTER, tasks: taskArns }),
  );
  return tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => t.taskArn ?? '');
}

test.beforeAll(async ({ browser }) => {
  await resetLab();
  await deployScenario(ecs(), CLUSTER);
  const arns = await waitFor('4 running Whoami tasks', runningWhoamiTasks, (a) => a.length === 4, {
    timeoutMs: 60_000,
  });
  taskArn = arns[0]!;
  taskId = taskArn.split('/').pop()!;
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1440, height: 900 },
  });
  page = await context.newPage();
  await signIn(page);
});

test.afterAll(async () => {
  await page?.context().close();
  await resetLab();
});

test('a task URL opens the task, and links lead to its instance, its service and back', async () => {
  await page.goto(`${baseURL()}/tasks/${taskId}`);
  await expect(page.getByRole('heading', { name: `Task ${taskId}` })).toBeVisible();
  await expect(page.getByTestId('task-arn')).toHaveText(taskArn);
  await expect(page.getByRole('table', { name: 'Containers' })).toContainText('whoami');
  await expect(page.getByTestId('host-ports').first()).toContainText(
    /http:\/\/127\.\d+\.\d+\.\d+:\d+\//,
  );
  await screenshot(page, 'task-detail');

  await page.getByRole('link', { name: /^mi-/ }).click();
  await expect(page).toHaveURL(/\/instances\/[^/]+$/);
  await expect(page.getByRole('heading', { name: /^Instance / })).toBeVisible();
  const instanceTasks = page.getByRole('region', { name: /^Tasks on this instance/ });
  await expect(instanceTasks.getByRole('link', { name: 'Whoami' }).first()).toBeVisible();
  await screenshot(page, 'instance-detail');

  await instanceTasks.getByRole('link', { name: 'Whoami' }).first().click();
  await expect(page).toHaveURL(/\/services\/Whoami$/);
  await expect(page.getByRole('heading', { name: 'Service Whoami' })).toBeVisible();
  await expect(page.getByTestId('placement-constraints')).toContainText(
    'memberOf: attribute:role == webserver',
  );
  const serviceTasks = page.getByRole('region', { name: /^Tasks of Whoami/ });
  const firstTask = serviceTasks.getByRole('link', { name: /^[0-9a-f]{8}$/ }).first();
  await expect(firstTask).toBeVisible();
  await screenshot(page, 'service-detail');

  const shown = (await firstTask.textContent()) ?? '';
  await firstTask.click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${shown}[0-9a-f]+$`));
  await expect(page.getByRole('heading', { name: new RegExp(`^Task ${shown}`) })).toBeVisible();

  // Back to the task this spec follows, for the tests below.
  await page.goto(`${baseURL()}/tasks/${taskId}`);
  await expect(page.getByTestId('task-arn')).toHaveText(taskArn);
});

test('copying the task ARN puts it on the clipboard and says so', async () => {
  const copy = page.getByRole('button', { name: 'Copy task ARN' });
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(copy).toHaveText('Copied ✓');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(taskArn);
});

test('scaling shows its progress, then a toast with the CLI equivalent', async () => {
  await page.goto(`${baseURL()}/services/Whoami`);
  // Hold the server action for two seconds so the progress label has time to show.
  await page.route('**/services/Whoami', async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 2_500));
    await route.continue();
  });
  await page.getByLabel('Desired count of Whoami').fill('5');
  const scale = page.getByRole('button', { name: /^Scal/ });
  await scale.click();
  await expect(scale).toBeDisabled();
  await expect(scale).toContainText('Scaling…');
  await expect(scale).toContainText(/Scaling…\s*[12] s/);
  await screenshot(page, 'service-scaling');
  const toast = page.getByTestId('toast').filter({ hasText: 'Scaling Whoami to 5' });
  await expect(toast).toBeVisible();
  await expect(toast.getByTestId('cli-equivalent')).toContainText(
    'aws ecs update-service --cluster anywhere-lab --service Whoami --desired-count 5',
  );
  // The toast sits under the header, not over it.
  const header = await page.locator('header').boundingBox();
  const box = await toast.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  // …and leaves the scale control it reports on uncovered.
  const control = await page.getByLabel('Desired count of Whoami').boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(control!.y);
  await expect(page.getByTestId('desired-count')).toHaveText('5');
  await toast.getByRole('button', { name: 'AWS CLI equivalent' }).click();
  await expect(toast.getByTestId('cli-equivalent')).toBeVisible();
  await screenshot(page, 'service-scaled-toast');
  await page.unroute('**/services/Whoami');

  await toast.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(toast).toHaveCount(0);
  await page.getByLabel('Desired count of Whoami').fill('4');
  await page.getByRole('button', { name: 'Scale' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Scaling Whoami to 4' })).toBeVisible();
});

test('times read relative, show the absolute time on hover, and keep counting', async () => {
  // A controllable clock (flowing normally until told), so "ago" can be seen to move on by minutes.
  await page.clock.install();
  await page.goto(`${baseURL()}/tasks/${taskId}`);
  const started = page.locator('dt', { hasText: 'Started' }).locator('xpath=..').locator('time');
  await started.hover();
  const iso = await started.getAttribute('datetime');
  expect(Date.parse(iso ?? '')).toBeGreaterThan(0);
  const title = await started.getAttribute('title');
  const expected = await page.evaluate(
    (value) =>
      new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' }),
    iso!,
  );
  expect(title).toBe(expected);
  await expect(started).toHaveText(/^\d+ (s|min) ago$/);
  await page.clock.fastForward('10:00');
  await expect(started).toHaveText(/^1\d min ago$/);
});

test('an unknown task id or a malformed one shows where to go instead', async () => {
  const gone = '0123456789abcdef0123456789abcdef';
  await page.goto(`${baseURL()}/tasks/${gone}`);
  await expect(page.getByTestId('not-found')).toContainText(
    `Task ${gone} is not in cluster ${CLUSTER}`,
  );
  await expect(page.getByTestId('not-found')).toContainText('stopped over an hour ago');
  await screenshot(page, 'task-not-found');
  await page.getByRole('link', { name: 'Back to tasks' }).click();
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();

  await page.goto(`${baseURL()}/tasks/${encodeURIComponent('bad id;$')}`);
  await expect(page.getByTestId('not-found')).toContainText('That is not a task id');
  await page.goto(`${baseURL()}/services/NoSuchService`);
  await expect(page.getByTestId('not-found')).toContainText(
    `Service NoSuchService is not in cluster ${CLUSTER}`,
  );
});
