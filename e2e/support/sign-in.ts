import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';
export const ORGANIZER = 'organizer@demo.test';
export const ATTENDEE = 'attendee1@demo.test';

/** Fills the sign-in form; does not assert the outcome. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A fresh browser context (own cookies) signed in as `email`, on /events. */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await submitSignIn(page, email, password);
  // Sign-in lands on the home page (`/`); callers of this helper start on the upcoming events.
  await expect(page).toHaveURL(/\/(events)?(\?|$)/);
  if (new URL(page.url()).pathname !== '/events') await page.goto('/events');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return { context, page };
}

/** datetime-local value N days from now at 18:30 local time. */
export function daysFromNowLocal(days: number, hours = 18, minutes = 30): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(hours, minutes, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
