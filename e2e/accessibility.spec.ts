// axe-core on every console page, open dialogs and forms, in light and dark: no serious or critical WCAG 2.1 AA violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { labClients } from '../lab/test/support/clients';
import { deployScenario } from '../lab/test/support/scenario';
import { baseURL, labEndpoint, resetLab, screenshot, signIn } from './support';

const CLUSTER = 'anywhere-lab';
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const consoleDir = path.resolve(import.meta.dirname, '..', 'app', '(console)');

/** Every console route from its page.tsx, so a new page cannot go without an axe check. */
function consoleRoutes(dir = consoleDir, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === 'page.tsx' ? [prefix || '/'] : [];
    if (!entry.isDirectory()) return [];
    // Route groups "(x)" and private folders "_x" add no URL segment.
    const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
    if (entry.name.startsWith('_')) return [];
    return consoleRoutes(path.join(dir, entry.name), prefix + segment);
  });
}

const routes = ['/signin', ...consoleRoutes()].sort();

interface Snapshot {
  instances: { id: string; agentConnected: boolean }[];
  services: { name: string; status: string; runningCount: number; desiredCount: number }[];
  tasks: { id: string; lastStatus: string }[];
}

let page: Page;

async function snapshot(): Promise<Snapshot> {
  const response = await page.request.get(`${baseURL()}/api/snapshot`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Snapshot;
}

/** A real value for each dynamic segment, taken from the deployed scenario. */
async function samples(): Promise<Record<string, string>> {
  const { instances, services, tasks } = await snapshot();
  const running = tasks.find((t) => t.lastStatus === 'RUNNING');
  return {
    '/instances/[id]': instances[0]?.id ?? '',
    '/tasks/[id]': running?.id ?? '',
    '/services/[name]': services.find((s) => s.name === 'Whoami')?.name ?? '',
  };
}

async function resolve(route: string): Promise<string> {
  if (!route.includes('[')) return route;
  const value = (await samples())[route];
  if (!value)
    throw new Error(`${route}: no sample value; add one to samples() in accessibility.spec.ts`);
  return route.replace(/\[[^\]]+\]/, encodeURIComponent(value));
}

async function settle() {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.getByTestId('skeleton')).toHaveCount(0);
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now, one readable paragraph each. */
async function seriousViolations(target: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 6)
          .map(
            (n) => `  at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`,
          )
          .join('\n'),
    );
}

async function check(scheme: Scheme, what: string, name: string, target = page) {
  const found = await seriousViolations(target);
  await screenshot(target, `a11y-${name}-${scheme}`);
  return found.map((v) => `${what} (${scheme}): ${v}`);
}

function expectNone(reports: string[]) {
  expect(reports, reports.join('\n\n')).toEqual([]);
}

const slug = (route: string) =>
  route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'overview';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await resetLab();
  page = await (await browser.newContext()).newPage();
  await signIn(page);
  await expect
    .poll(async () => (await snapshot()).instances.filter((i) => i.agentConnected).length, {
      timeout: 60_000,
    })
    .toBe(3);
  await deployScenario(labClients(labEndpoint()).ecs, CLUSTER);
  await expect
    .poll(
      async () =>
        (await snapshot()).services
          .filter((s) => s.status === 'ACTIVE')
          .map((s) => `${s.name} ${s.runningCount}/${s.desiredCount}`)
          .sort(),
      { timeout: 120_000 },
    )
    .toEqual(['LoadBalancer 1/1', 'Whoami 4/4']);
});

test.afterAll(async () => page?.context().close());

test('the page list covers the sign-in page and every console page', () => {
  expect(routes).toEqual(expect.arrayContaining(['/signin', '/', '/instances', '/traffic']));
});

test('the console follows the system colour scheme', async () => {
  const look = async (scheme: Scheme) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${baseURL()}/`);
    return page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, text: body.color, scheme: body.colorScheme };
    });
  };
  const light = await look('light');
  const dark = await look('dark');
  expect(light.scheme).toBe('light dark');
  expect(light.background).not.toBe(dark.background);
  expect(light.text).not.toBe(dark.text);
});

for (const scheme of SCHEMES) {
  test.describe(`${scheme} scheme`, () => {
    test.beforeEach(async () => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    // One test for all pages, so a run reports every page's violations at once.
    test('every page has no serious violations', async ({ browser }) => {
      const reports: string[] = [];
      for (const route of routes) {
        if (route === '/signin') {
          const anonymous = await browser.newContext({ colorScheme: scheme });
          const signInPage = await anonymous.newPage();
          await signInPage.goto(`${baseURL()}/signin`);
          await expect(signInPage.getByRole('heading', { level: 1 })).toBeVisible();
          reports.push(...(await check(scheme, route, 'signin', signInPage)));
          await anonymous.close();
          continue;
        }
        await page.goto(`${baseURL()}${await resolve(route)}`);
        await settle();
        reports.push(...(await check(scheme, route, slug(route))));
      }
      expectNone(reports);
    });

    test('a running traffic run has no serious violations', async () => {
      await page.goto(`${baseURL()}/traffic`);
      await settle();
      await page.getByLabel('Rate (req/s)').fill('20');
      await page.getByLabel('Duration (s)').fill('4');
      await page.getByRole('button', { name: 'Start run' }).click();
      const status = page.getByTestId('run-status');
      await expect(status).toHaveAttribute('data-phase', 'running');
      await expect(page.getByTestId('backend-row').first()).toBeVisible();
      const running = await check(scheme, 'traffic run in progress', 'traffic-running');
      await expect(status).toHaveAttribute('data-phase', 'ended');
      expectNone([...running, ...(await check(scheme, 'traffic run ended', 'traffic-ended'))]);
    });

    test('the stop-task dialog has no serious violations', async () => {
      await page.goto(`${baseURL()}/tasks`);
      await settle();
      await page
        .getByRole('button', { name: /^Stop task / })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      expectNone(await check(scheme, 'stop-task dialog', 'stop-task-dialog'));
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    });

    test('the register-instances form, with errors, has no serious violations', async () => {
      await page.goto(`${baseURL()}/instances`);
      await settle();
      await page.getByRole('button', { name: 'Register instances' }).click();
      const form = page.getByRole('form', { name: 'Register external instances' });
      await form.getByLabel('Number of instances').fill('0');
      await form.getByRole('button', { name: 'Create activation' }).click();
      await expect(form.getByText('At least 1 instance.')).toBeVisible();
      expectNone(await check(scheme, 'register-instances form', 'register-instances'));
    });

    test('the deploy and clean-up forms, opened and filled in, have no serious violations', async () => {
      await page.goto(`${baseURL()}/services`);
      await settle();
      for (const section of ['Deploy the scenario’s services', 'Clean up…']) {
        const summary = page.locator('summary', { hasText: section });
        if ((await summary.locator('..').getAttribute('open')) === null) await summary.click();
      }
      const form = page.getByRole('form', { name: 'Clean up' });
      await form.getByLabel(/To also delete the cluster/).fill('not-the-cluster');
      expectNone(await check(scheme, 'deploy and clean-up forms', 'services-forms'));
    });
  });
}
