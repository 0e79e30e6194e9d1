import { expect, type Locator, type Page, test } from '@playwright/test';
import { roomyEvent } from './support/demo-ids';
import { DEMO_PASSWORD } from './support/sign-in';

/**
 * Keyboard only: sign in, register for an event and write a post with Tab, Enter and Space (typing
 * into fields aside). No click anywhere: a control that cannot be reached or worked by keyboard fails here.
 */

/** Presses Tab until `target` has focus; fails after `max` presses, naming where focus was. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  const at = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.getAttribute('aria-label') ?? ''}` : 'nothing';
  });
  throw new Error(`${max} Tabs did not reach ${target}; focus is on ${at}`);
}

test('keyboard only: sign in, register for an event, write a post', async ({ browser, request }) => {
  // A member of its own, so registering and posting change no demo account's numbers.
  const email = `keyboard-${Date.now()}@demo.test`;
  const name = 'Kim Keyboard';
  const created = await request.post('/api/commands/identity/create-user', { data: { email, name, password: DEMO_PASSWORD } });
  expect(created.status(), await created.text()).toBeLessThan(300);

  const context = await browser.newContext();
  const page = await context.newPage();

  // Sign in.
  await page.goto('/sign-in');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel('Password'), 3);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome back, Kim/ })).toBeVisible();

  // Register for an upcoming event with seats to spare.
  const event = await roomyEvent(context.request);
  await page.goto(`/events/${event.eventId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const register = page.getByRole('main').getByRole('button', { name: 'Register', exact: true });
  await expect(register).toBeEnabled();
  await tabTo(page, register);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('registration-status')).toBeVisible({ timeout: 15_000 });

  // Write a post.
  await page.goto('/social');
  const composer = page.getByRole('form', { name: 'Write a post' });
  await expect(composer).toBeVisible();
  await tabTo(page, composer.getByLabel('New post'));
  const text = `Written without a mouse ${Date.now()}`;
  await page.keyboard.type(text);
  const post = composer.getByRole('button', { name: 'Post', exact: true });
  await tabTo(page, post, 8);
  await page.keyboard.press('Space');
  await expect(page.getByRole('main').getByText(text).first()).toBeVisible({ timeout: 15_000 });
  await context.close();
});
