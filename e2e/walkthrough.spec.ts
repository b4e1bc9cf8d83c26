// A newcomer completes the walkthrough from a fresh lab by clicking only: roles, both services, both routing tests, clean-up.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { baseURL, screenshot, signIn } from './support';

test.describe.configure({ mode: 'serial' });

// Deploys wait for real processes (Traefik, whoami) and Traefik's ECS refresh.
const CONVERGE = { timeout: 120_000 };
let page: Page;

const step = (id: string) => page.getByTestId(`walkthrough-step-${id}`);
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });

async function expectDone(id: string) {
  await expect(step(id)).toHaveAttribute('data-status', 'done', CONVERGE);
}

async function expectCurrent(id: string) {
  await expect(step(id)).toHaveAttribute('data-status', 'current', CONVERGE);
  await expect(step(id)).toHaveAttribute('aria-current', 'step');
}

test.beforeAll(async ({ browser }) => {
  // Another spec may have changed or deleted the cluster: start from the lab's fresh seed.
  const endpoint = process.env.E2E_LAB_ENDPOINT;
  if (!endpoint) throw new Error('E2E_LAB_ENDPOINT is unset: run through playwright.config.ts');
  const reset = await fetch(`${endpoint}/_lab/reset`, {
    method: 'POST',
    headers: { authorization: 'Bearer lab' },
  });
  expect(reset.status).toBe(200);
  page = await browser.newPage();
  await signIn(page);
});

test.afterAll(async () => page?.close());

test('a fresh lab: 3 instances found, the walkthrough starts at "Assign roles"', async () => {
  await page.goto(`${baseURL()}/walkthrough`);
  await expect(page.getByRole('heading', { name: 'Walkthrough', level: 1 })).toBeVisible();
  await expectDone('cluster');
  await expectCurrent('roles');
  await expect(step('roles').getByTestId('check-problems')).toContainText(
    'No instance has role=loadbalancer.',
  );
  for (const later of ['load-balancer', 'web-app', 'host-routing', 'path-routing', 'clean-up']) {
    await expect(step(later)).toHaveAttribute('data-status', 'blocked');
  }
  await expect(step('web-app')).toContainText('Blocked: finish step 1 (Assign roles) first.');
  // Step 0 is done, so it is folded; open it to read what it found.
  await step('cluster').getByRole('button', { expanded: false }).click();
  await expect(step('cluster').getByTestId('live-check')).toContainText(
    '3 connected of 3 external instances (the scenario expects 3)',
  );
  await expect(step('cluster').getByTestId('iam-note')).toContainText('TraefikECSReadAccess');
  await screenshot(page, 'walkthrough-0-cluster');
});

test('step 1: assign roles with the defaults', async () => {
  await expect(step('roles').getByTestId('cli-equivalent')).toContainText(
    'aws ecs put-attributes --cluster anywhere-lab',
  );
  await button(step('roles'), 'Assign roles').click();
  await expectDone('roles');
  await expect(step('roles')).toContainText('1 load balancer, 2 web servers');
  await expectCurrent('load-balancer');
  await screenshot(page, 'walkthrough-1-roles');
});

test('step 2: deploy LoadBalancer, done once Traefik answers', async () => {
  await button(step('load-balancer'), 'Deploy LoadBalancer').click();
  await expect(step('load-balancer').getByTestId('cli-equivalent')).toContainText(
    'aws ecs create-service --cluster anywhere-lab --service-name LoadBalancer',
  );
  await screenshot(page, 'walkthrough-2-load-balancer-waiting');
  await expectDone('load-balancer');
  await expect(step('load-balancer')).toContainText(
    'LoadBalancer: 1/1 running; Traefik API answers',
  );
  await expectCurrent('web-app');
  await screenshot(page, 'walkthrough-2-load-balancer');
});

test('step 3: deploy Whoami with 4 tasks; Traefik lists 4 servers', async () => {
  await expect(page.getByLabel('Desired count (tasks)')).toHaveValue('4');
  await button(step('web-app'), 'Deploy Whoami').click();
  await expectDone('web-app');
  await expect(step('web-app')).toContainText('Whoami: 4/4 running; Traefik whoami@ecs: 4 servers');
  await expectCurrent('host-routing');
  await screenshot(page, 'walkthrough-3-whoami');
});

test('reopening the page mid-way resumes at the first step not done', async () => {
  await page.goto(`${baseURL()}/walkthrough`);
  await expectCurrent('host-routing');
  for (const done of ['cluster', 'roles', 'load-balancer', 'web-app']) {
    await expect(step(done)).toHaveAttribute('data-status', 'done');
  }
});

async function runProbe(id: 'host-routing' | 'path-routing', mode: 'host' | 'path') {
  await button(step(id), 'Send 4 requests').click();
  const results = step(id).getByTestId(`probe-results-${mode}`);
  await expect(results.getByTestId('probe-row')).toHaveCount(4, CONVERGE);
  await expect(results.getByTestId('probe-verdict')).toContainText('All 4 differ');
  const hostnames = await results.getByTestId('probe-hostname').allTextContents();
  expect(hostnames).toHaveLength(4);
  expect(new Set(hostnames).size).toBe(4);
  await expectDone(id);
}

test('step 4: host-based routing, 4 requests answered by 4 different containers', async () => {
  await expect(
    step('host-routing').getByRole('textbox', { name: 'Host header', exact: true }),
  ).toHaveValue('whoami.domain.com');
  await runProbe('host-routing', 'host');
  await expect(step('host-routing').getByTestId('cli-equivalent')).toContainText(
    /curl -H 'Host: whoami\.domain\.com' http:\/\/127(\.\d+){3}\//,
  );
  await screenshot(page, 'walkthrough-4-host-routing');
});

test('step 5: path-based routing, 4 of 4 differ', async () => {
  await expect(
    step('path-routing').getByRole('textbox', { name: 'Path', exact: true }),
  ).toHaveValue('/whoami');
  await runProbe('path-routing', 'path');
  await expectCurrent('clean-up');
  await screenshot(page, 'walkthrough-5-path-routing');
});

test('step 6: clean up; the walkthrough is complete', async () => {
  await button(step('clean-up'), 'Clean up').click();
  await expectDone('clean-up');
  await expect(page.getByTestId('walkthrough-summary')).toContainText('Walkthrough complete');
  await expect(page.getByRole('progressbar', { name: 'Walkthrough progress' })).toHaveAttribute(
    'aria-valuenow',
    '7',
  );
  await screenshot(page, 'walkthrough-6-complete');
});
