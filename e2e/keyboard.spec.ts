// An admin who uses only the keyboard: skip link, sidebar, table selection and a role, walkthrough steps, a dialog, a form.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { baseURL, resetLab, screenshot, signIn } from './support';

test.describe.configure({ mode: 'serial' });

// Deploys wait for real processes (Traefik, whoami) and Traefik's ECS refresh.
const CONVERGE = { timeout: 120_000 };
let page: Page;

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} never received focus after ${max} presses`);
}

/** The focused element shows the console's ring: a solid outline at least 2 px wide. */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  const outline = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

const activeText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test.beforeAll(async ({ browser }) => {
  await resetLab();
  page = await browser.newPage();
  await signIn(page);
});

test.afterAll(async () => page?.close());

test('the first Tab reaches "Skip to content", which jumps past the sidebar and header', async () => {
  await page.goto(`${baseURL()}/`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expectVisibleFocus(skip);
  await expect(skip).toBeInViewport();
  await screenshot(page, 'keyboard-skip-link');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(
    () => document.querySelector('main')?.contains(document.activeElement) ?? false,
  );
  expect(inMain).toBe(true);
});

test('the sidebar: Tab to a link, Enter opens it and marks it current', async () => {
  const nav = page.getByRole('navigation', { name: 'Console' });
  const instances = nav.getByRole('link', { name: 'Instances', exact: true });
  await page.keyboard.press('Shift+Tab');
  await tabTo(instances, { back: true });
  await expectVisibleFocus(instances);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/instances$/);
  await expect(instances).toHaveAttribute('aria-current', 'page');
});

test('the Instances table: select two rows with Space and assign a role with Enter', async () => {
  const rows = page.getByRole('table', { name: 'Instances' }).locator('tbody tr[data-index]');
  await expect(rows).toHaveCount(3);
  // A row takes focus; Space selects it, ArrowDown moves to the next row.
  await tabTo(rows.nth(0));
  await expectVisibleFocus(rows.nth(0));
  await page.keyboard.press('Space');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  // The row's own checkbox works too.
  const checkbox = rows.nth(1).getByRole('checkbox');
  await tabTo(checkbox);
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('2 instances selected')).toBeVisible();

  const form = page.getByRole('form', { name: 'Assign a role' });
  const value = form.getByRole('textbox', { name: 'Value' });
  await tabTo(value, { back: true });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('kbd-test');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Select instances to assign a role')).toBeVisible();
  await expect(rows.getByRole('cell', { name: 'kbd-test', exact: true })).toHaveCount(2);
  await screenshot(page, 'keyboard-instances');
});

test('walkthrough steps 1–3 done with Tab and Enter only', async () => {
  const nav = page.getByRole('navigation', { name: 'Console' });
  const walkthrough = nav.getByRole('link', { name: 'Walkthrough', exact: true });
  await tabTo(walkthrough, { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Walkthrough', level: 1 })).toBeVisible();
  const step = (id: string) => page.getByTestId(`walkthrough-step-${id}`);
  for (const [id, name] of [
    ['roles', 'Assign roles'],
    ['load-balancer', 'Deploy LoadBalancer'],
    ['web-app', 'Deploy Whoami'],
  ] as const) {
    await expect(step(id)).toHaveAttribute('data-status', 'current', CONVERGE);
    const button = step(id).getByRole('button', { name, exact: true });
    await tabTo(button);
    await expectVisibleFocus(button);
    await page.keyboard.press('Enter');
    await expect(step(id)).toHaveAttribute('data-status', 'done', CONVERGE);
  }
  // A folded step opens with the keyboard.
  const toggle = step('cluster').getByRole('button', { expanded: false });
  await tabTo(toggle, { back: true });
  await page.keyboard.press('Enter');
  await expect(step('cluster').getByTestId('live-check')).toBeVisible();
  await screenshot(page, 'keyboard-walkthrough');
});

test('the stop-task dialog: focus moves in and stays, Escape closes it, focus returns', async () => {
  await page.goto(`${baseURL()}/tasks`);
  const opener = page.getByRole('button', { name: /^Stop task / }).first();
  await tabTo(opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectVisibleFocus(dialog.getByRole('button', { name: 'Cancel' }));
  await screenshot(page, 'keyboard-dialog');
  // Tab and Shift+Tab cycle inside the dialog, never to the page behind it.
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    const inside = await dialog.evaluate((d) => d.contains(document.activeElement));
    expect(inside, `focus after ${key}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Open again and confirm from the keyboard.
  const label = (await opener.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await activeText()).toBe('Stop task');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: label, exact: true })).toHaveCount(0, CONVERGE);
});

test('the traffic form: type the numbers and submit with Enter', async () => {
  await page.goto(`${baseURL()}/traffic`);
  const rate = page.getByLabel('Rate (req/s)');
  await tabTo(rate);
  await expectVisibleFocus(rate);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2');
  await expect(page.getByLabel('Duration (s)')).toHaveValue('2');
  await page.keyboard.press('Enter');
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-phase', 'running');
  await expect(status).toHaveAttribute('data-phase', 'ended', CONVERGE);
  await screenshot(page, 'keyboard-traffic');
});
