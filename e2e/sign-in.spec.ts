// Signing in and out: the one-click URL, the paste form, and what a signed-out visitor or API caller gets.
import { expect, test } from '@playwright/test';
import { baseURL, screenshot, signIn, token } from './support';

test('a signed-out visitor is sent to sign-in and an API call gets 401 JSON', async ({
  page,
  request,
}) => {
  await page.goto(`${baseURL()}/services`);
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await screenshot(page, 'signin');
  const response = await request.get(`${baseURL()}/api/snapshot`);
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: 'unauthorized' });
});

test('a wrong token in the link is refused', async ({ page }) => {
  await page.goto(`${baseURL()}/signin?token=not-the-token`);
  await expect(page.getByRole('alert').filter({ hasText: 'wrong token' })).toBeVisible();
});

test('pasting the token signs in, and sign-out signs out', async ({ page }) => {
  await page.goto(`${baseURL()}/signin`);
  await page.getByLabel('Token').fill('wrong-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'does not match' })).toBeVisible();
  await page.getByLabel('Token').fill(token());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'console_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Strict');
  expect(cookie?.value).not.toContain(token());
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto(`${baseURL()}/`);
  await expect(page).toHaveURL(/\/signin$/);
});

test('the one-click link opens the console', async ({ page }) => {
  await signIn(page);
});

test('every response carries the security headers', async ({ request }) => {
  for (const path of ['/signin', '/api/snapshot']) {
    const response = await request.get(`${baseURL()}${path}`, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }
});
