// Register instances from the Instances page: an activation, its commands, and a new lab host appearing live.
import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { baseURL, screenshot, signIn } from './support';

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const labEndpoint = () => process.env.E2E_LAB_ENDPOINT ?? '';

let page: Page;
const browserErrors: string[] = [];

interface Snapshot {
  cluster: { status: string };
  instances: { agentConnected: boolean }[];
}

async function connectedInstances(): Promise<number> {
  const response = await page.request.get('/api/snapshot');
  if (!response.ok()) return -1;
  const snapshot = (await response.json()) as Snapshot;
  return snapshot.cluster.status === 'ACTIVE'
    ? snapshot.instances.filter((i) => i.agentConnected).length
    : -1;
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ baseURL: baseURL(), viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => browserErrors.push(`${page.url()}: ${error.message}`));
  // Specs share one lab in file order, and an earlier one may have deleted the cluster: start it over.
  const reset = await fetch(`${labEndpoint()}/_lab/reset`, {
    method: 'POST',
    headers: { authorization: 'Bearer lab' },
  });
  expect(reset.status).toBe(200);
  await signIn(page);
  await expect.poll(connectedInstances, { timeout: 60_000 }).toBe(3);
});

test.afterAll(async () => {
  await page.close();
});

test('register an instance with an activation and watch it join the cluster', async () => {
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: 'Instances', exact: true })
    .click();
  const rows = page.getByRole('checkbox', { name: /^Select mi-/ });
  await expect(rows).toHaveCount(3);

  await page.getByRole('button', { name: 'Register instances' }).click();
  const form = page.getByRole('form', { name: 'Register external instances' });
  await expect(form.getByLabel('IAM role name')).toHaveValue('ECSAnywhereRole');

  // Bad input is refused field by field before anything is created.
  await form.getByLabel('Number of instances').fill('0');
  await form.getByLabel(/Activation expires after/).fill('721');
  await form.getByRole('button', { name: 'Create activation' }).click();
  await expect(form.getByText('At least 1 instance.')).toBeVisible();
  await expect(form.getByText('At most 720 hours (30 days).')).toBeVisible();
  await expect(form.getByLabel('Number of instances')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'register-instances-form');

  await form.getByLabel('Number of instances').fill('1');
  await form.getByLabel(/Activation expires after/).fill('24');
  await form.getByRole('button', { name: 'Create activation' }).click();

  const result = page.getByTestId('activation-result');
  await expect(result).toBeVisible();
  const activationId = (await page.getByTestId('activation-id').textContent())?.trim() ?? '';
  const activationCode = (await page.getByTestId('activation-code').textContent())?.trim() ?? '';
  expect(activationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(activationCode).toMatch(/^\S{20,}$/);
  await expect(page.getByTestId('install-command')).toHaveText(
    'curl --proto "https" -o "/tmp/ecs-anywhere-install.sh" "https://amazon-ecs-agent.s3.amazonaws.com/ecs-anywhere-install-latest.sh"' +
      ` && bash /tmp/ecs-anywhere-install.sh --region "us-east-1" --cluster "anywhere-lab"` +
      ` --activation-id "${activationId}" --activation-code "${activationCode}"`,
  );
  await expect(page.getByTestId('activation-expiry')).toContainText('in 24 h');
  await expect(page.getByTestId('activation-registrations')).toHaveText('0 / 1 used');
  await expect(result.getByTestId('cli-equivalent')).toContainText(
    'aws ssm create-activation --iam-role ECSAnywhereRole --registration-limit 1',
  );

  // Run the lab command exactly as shown, as an admin would paste it into a shell on the lab's machine.
  const labCommand = (await page.getByTestId('lab-command').textContent())?.trim() ?? '';
  expect(labCommand).toContain(
    `npm run lab -- instance add --activation-id ${activationId} --activation-code ${activationCode}`,
  );
  const { stdout } = await execFileAsync('/bin/bash', ['-e', '-c', labCommand], {
    cwd: root,
    env: { ...process.env, LAB_PORT: new URL(labEndpoint()).port },
  });
  const instanceId = /registered (mi-[0-9a-f]+) /.exec(stdout)?.[1] ?? '';
  expect(instanceId, stdout).not.toBe('');

  // No reload: the table's polling brings the new host in, and the activation's count follows.
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('checkbox', { name: `Select ${instanceId}` })).toBeVisible();
  await expect(page.getByTestId('activation-registrations')).toHaveText('1 / 1 used');
  await screenshot(page, 'register-instances');
  expect(browserErrors).toEqual([]);
});
