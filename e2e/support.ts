// What every spec needs: the console's URL and token from global setup, sign-in, and page screenshots.
import { expect, type Page } from '@playwright/test';
import path from 'node:path';

export const baseURL = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url)
    throw new Error('E2E_BASE_URL is unset: run through playwright.config.ts (global setup)');
  return url;
};

export const token = () => process.env.E2E_TOKEN ?? '';

export const labEndpoint = () => {
  const endpoint = process.env.E2E_LAB_ENDPOINT;
  if (!endpoint) throw new Error('E2E_LAB_ENDPOINT is unset: run through playwright.config.ts');
  return endpoint;
};

/** Specs share one lab in file order and an earlier one may have changed or deleted the cluster: start it over. */
export async function resetLab() {
  const reset = await fetch(`${labEndpoint()}/_lab/reset`, {
    method: 'POST',
    headers: { authorization: 'Bearer lab' },
  });
  expect(reset.status).toBe(200);
}

/** The one-click URL npm start prints. */
export const signInUrl = () => `${baseURL()}/signin?token=${token()}`;

export async function signIn(page: Page) {
  await page.goto(signInUrl());
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join('test-results', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}
