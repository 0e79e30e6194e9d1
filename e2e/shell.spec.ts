import { expect, test } from '@playwright/test';
import { ATTENDEE, ORGANIZER, signedInPage, submitSignIn } from './support/sign-in';

// The demo admin (roles: admin). Added to the demo seed with the per-role dashboards of issue 8.
const ADMIN = 'admin@demo.test';

test('the sidebar shows each person the areas their roles allow', async ({ browser }) => {
  const attendee = await signedInPage(browser, ATTENDEE);
  const nav = attendee.page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Upcoming' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Upcoming' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Feed' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'My events' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'New event' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Ops' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'API' })).toHaveCount(0);
  await attendee.context.close();

  const organizer = await signedInPage(browser, ORGANIZER);
  const orgNav = organizer.page.getByRole('navigation', { name: 'Main' });
  await expect(orgNav.getByRole('link', { name: 'My events' })).toBeVisible();
  await expect(orgNav.getByRole('link', { name: 'New event' })).toBeVisible();
  await expect(orgNav.getByRole('link', { name: 'Ops' })).toHaveCount(0);
  // Your own name leads to your profile.
  await organizer.page.getByRole('button', { name: /^Account:/ }).click();
  await organizer.page.getByRole('menuitem', { name: 'My profile' }).click();
  await expect(organizer.page.getByRole('heading', { level: 1, name: 'Olivia Organizer' })).toBeVisible();
  await expect(orgNav.getByRole('link', { name: 'My profile' })).toHaveAttribute('aria-current', 'page');
  await organizer.context.close();

  const admin = await signedInPage(browser, ADMIN);
  const adminNav = admin.page.getByRole('navigation', { name: 'Main' });
  await expect(adminNav.getByRole('link', { name: 'Ops' })).toBeVisible();
  await expect(adminNav.getByRole('link', { name: 'API' })).toBeVisible();
  await adminNav.getByRole('link', { name: 'Ops' }).click();
  await expect(admin.page).toHaveURL(/\/ops$/);
  await expect(adminNav.getByRole('link', { name: 'Ops' })).toHaveAttribute('aria-current', 'page');
  await admin.context.close();
});

test('on a phone the navigation is a sheet behind a menu button, and nothing scrolls sideways', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, ORGANIZER);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/events');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.getByRole('button', { name: 'Open navigation' }).click();
  const sheet = page.getByRole('dialog', { name: 'Navigation' });
  await expect(sheet).toBeVisible();
  await sheet.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL(/\/social\/people/);
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test('the command palette jumps to a page (⌘K / Ctrl+K, or the search button)', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, ATTENDEE);
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Search' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill('registrations');
  await palette.getByRole('option', { name: 'My registrations' }).click();
  await expect(page).toHaveURL(/\/my\/registrations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My registrations' })).toBeVisible();

  // Events by name, from the read model.
  await page.getByRole('button', { name: /Search/ }).click();
  await palette.getByRole('combobox').fill('CQRS in Practice');
  await palette.getByRole('option', { name: 'CQRS in Practice' }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'CQRS in Practice' })).toBeVisible();
  await context.close();
});

test('the theme can be switched from the user menu', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, ATTENDEE);
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  await context.close();
});

test('sign out stays on the host the user is on', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, ATTENDEE);
  const host = new URL(page.url()).host;
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(new URL(page.url()).host).toBe(host);
  // Signed out for real: a dashboard page sends us back to sign in.
  await page.goto('/my/registrations');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await context.close();
});

test('an unknown address shows a 404 page with a way back, inside the shell when signed in', async ({ browser, page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  const signedIn = await signedInPage(browser, ATTENDEE);
  const answer = await signedIn.page.goto('/no-such-page');
  expect(answer?.status()).toBe(404);
  await expect(signedIn.page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(signedIn.page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await signedIn.page.getByRole('main').getByRole('link', { name: 'Upcoming events' }).click();
  await expect(signedIn.page).toHaveURL(/\/events$/);
  await signedIn.context.close();
});

test('a signed-in user who opens sign-in or sign-up goes home', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, ATTENDEE);
  await page.goto('/sign-up');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome back/ })).toBeVisible();
  await page.goto('/sign-in');
  await expect(page).toHaveURL(/\/$/);
  await context.close();
});

test('after a wrong password, focus is on the error message', async ({ page }) => {
  // An address that does not exist, so no demo account's failure counter moves.
  await submitSignIn(page, `nobody-shell-${Date.now()}@demo.test`, 'not-the-password');
  const error = page.getByTestId('sign-in-error');
  await expect(error).toBeVisible();
  await expect(error).toBeFocused();
});
