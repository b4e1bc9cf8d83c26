// The admin opens Settings: the console's IAM policy with copy, the lab's fixed region, and switching clusters.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateClusterCommand, DeleteClusterCommand } from '@aws-sdk/client-ecs';
import { expect, test } from '@playwright/test';
import { labClients } from '../lab/test/support/clients';
import { consoleApiActions, consolePolicyJson } from '../lib/iam/console-policy';
import { startConsole } from '../scripts/console-process';
import { baseURL, screenshot, signIn } from './support';

const SECOND = 'edge-second';

const labEndpoint = () => {
  const endpoint = process.env.E2E_LAB_ENDPOINT;
  if (!endpoint) throw new Error('E2E_LAB_ENDPOINT is unset: run through playwright.config.ts');
  return endpoint;
};
const ecs = () => labClients(labEndpoint()).ecs;

test.beforeAll(async () => {
  await ecs().send(new CreateClusterCommand({ clusterName: SECOND }));
});

test.afterAll(async () => {
  await ecs()
    .send(new DeleteClusterCommand({ cluster: SECOND }))
    .catch(() => undefined);
});

test('Settings shows the console policy, copies it, and the cluster switcher switches clusters', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  await page.goto(`${baseURL()}/settings`);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  const settings = page.getByTestId('settings');
  await expect(settings).toContainText('The lab serves one region');
  await expect(settings).toContainText('123456789012');

  const policy = page.getByTestId('console-policy');
  await expect(policy.getByRole('heading', { name: 'IAM policy for the console' })).toBeVisible();
  for (const action of consoleApiActions) await expect(policy).toContainText(`"${action}"`);
  await policy.getByRole('button', { name: 'Copy policy JSON' }).click();
  await expect(policy.getByRole('button', { name: 'Copied ✓' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(consolePolicyJson);
  await screenshot(page, 'settings-lab');

  const switcher = page.getByRole('combobox', { name: 'Cluster' });
  await expect(switcher.locator('option')).toContainText(['anywhere-lab', SECOND]);
  await switcher.selectOption(SECOND);
  await expect(settings.getByText(SECOND, { exact: true })).toBeVisible();
  await expect(switcher).toHaveValue(SECOND);
  await screenshot(page, 'settings-second-cluster');

  await page.goto(`${baseURL()}/instances`);
  await expect(page.getByRole('combobox', { name: 'Cluster' })).toHaveValue(SECOND);
  await page.getByRole('combobox', { name: 'Cluster' }).selectOption('anywhere-lab');
  await expect(page.getByText('External instances of anywhere-lab.')).toBeVisible();
  await page.goto(`${baseURL()}/settings`);
  await expect(settings.getByText('anywhere-lab', { exact: true })).toBeVisible();
});

test('on AWS, Settings switches region and profile, and pages say why the other region fails', async ({
  page,
}) => {
  // The built console in AWS mode: a shared config file's profile, the lab as AWS_ENDPOINT_URL.
  const home = mkdtempSync(path.join(tmpdir(), 'console-e2e-home-'));
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(
    path.join(home, '.aws', 'config'),
    '[profile ops]\nregion = us-east-1\n[profile dublin]\nregion = eu-west-1\n',
  );
  writeFileSync(
    path.join(home, '.aws', 'credentials'),
    '[ops]\naws_access_key_id = lab\naws_secret_access_key = lab\n[dublin]\naws_access_key_id = lab\naws_secret_access_key = lab\n',
  );
  const token = randomBytes(24).toString('hex');
  const aws = await startConsole(labEndpoint(), token, {
    env: {
      LAB_ENDPOINT: '',
      HOME: home,
      AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
      AWS_PROFILE: 'ops',
      AWS_ENDPOINT_URL: labEndpoint(),
      ECS_CLUSTER: 'anywhere-lab',
    },
  });
  try {
    await page.goto(`${aws.url}/signin?token=${token}`);
    await page.goto(`${aws.url}/settings`);
    const settings = page.getByTestId('settings');
    await expect(settings).toContainText(`AWS (AWS_ENDPOINT_URL ${labEndpoint()})`);
    await expect(settings).toContainText('us-east-1');
    await expect(settings).toContainText('123456789012');
    await expect(settings).toContainText('STS did not answer at AWS_ENDPOINT_URL');

    const form = page.getByRole('form', { name: 'Switch AWS region and profile' });
    const profile = form.getByRole('combobox', { name: 'Profile' });
    await expect(profile.locator('option')).toHaveText(['ops (AWS_PROFILE)', 'dublin (eu-west-1)']);
    await profile.selectOption('dublin');
    await expect(form.getByRole('combobox', { name: 'Region' })).toHaveValue('eu-west-1');
    await screenshot(page, 'settings-aws');

    await form.getByRole('combobox', { name: 'Region' }).fill('moon-1');
    await form.getByRole('button', { name: 'Switch' }).click();
    await expect(form.getByRole('alert')).toHaveText('Not an AWS region name such as eu-west-1.');

    await form.getByRole('combobox', { name: 'Region' }).fill('eu-west-1');
    await form.getByRole('button', { name: 'Switch' }).click();
    await expect(settings.getByText('dublin', { exact: true })).toBeVisible();
    await expect(settings).toContainText('eu-west-1');

    // The lab answers us-east-1 only, so eu-west-1 is refused as AWS refuses a wrong signature.
    await page.goto(`${aws.url}/instances`);
    await expect(page.getByText(/AWS did not accept the credentials/).first()).toBeVisible();
    await screenshot(page, 'instances-aws-wrong-region');

    await page.goto(`${aws.url}/settings`);
    await form.getByRole('combobox', { name: 'Profile' }).selectOption('');
    await form.getByRole('combobox', { name: 'Region' }).fill('us-east-1');
    await form.getByRole('button', { name: 'Switch' }).click();
    await expect(settings.getByText('ops', { exact: true })).toBeVisible();
    await page.goto(`${aws.url}/instances`);
    await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible();
    await expect(page.getByText(/AWS did not accept the credentials/)).toHaveCount(0);
  } finally {
    // Next waits for open connections (the page's polling) before it exits on SIGTERM.
    await page.close();
    await aws.stop();
    rmSync(home, { recursive: true, force: true });
  }
});
