import { type Browser, type BrowserContext, type BrowserContextOptions, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './sign-in';

export const ADMIN = 'admin@demo.test';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * One sign-in per demo user per worker process: the signed-in cookies are kept and handed to
 * every later context (the suites visit about fifty pages; signing in for each would triple the time).
 */
const states = new Map<string, Promise<StorageState>>();

async function signIn(browser: Browser, email: string): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

export function storageStateFor(browser: Browser, email: string): Promise<StorageState> {
  let state = states.get(email);
  if (!state) {
    state = signIn(browser, email);
    states.set(email, state);
    state.catch(() => states.delete(email));
  }
  return state;
}

export type Theme = 'light' | 'dark';

/** A context signed in as `email` (or signed out when null), in the given theme (next-themes' stored choice). */
export async function demoContext(browser: Browser, email: string | null, options: BrowserContextOptions & { theme?: Theme } = {}) {
  const { theme = 'light', ...rest } = options;
  const context = await browser.newContext({
    ...rest,
    colorScheme: theme,
    storageState: email ? await storageStateFor(browser, email) : undefined,
  });
  await context.addInitScript((t) => {
    try {
      localStorage.setItem('theme', t);
    } catch {}
  }, theme);
  return context;
}

/**
 * Waits until the page has drawn its content: the main heading is there, nothing in <main> says it
 * is busy (skeletons, "Loading…"), and fonts are ready. Never fails: a page that keeps loading is
 * checked as it stands.
 */
export async function settle(page: Page, timeout = 6_000) {
  // The API page is Swagger UI: its title is no h1, its operations show when the document is drawn.
  await page
    .locator('h1, .swagger-ui .opblock')
    .first()
    .waitFor({ state: 'visible', timeout })
    .catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('main [aria-busy="true"], main [data-slot="skeleton"], main .animate-pulse'), undefined, { timeout })
    .catch(() => {});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Let charts measure their container and transitions finish.
  await page.waitForTimeout(250);
}
