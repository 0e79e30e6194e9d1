import { expect, test } from '@playwright/test';
import { ATTENDEE, ORGANIZER, daysFromNowLocal, signedInPage } from './support/sign-in';

test('an organizer creates an event, an attendee finds it, registers and the seats go down', async ({ browser }) => {
  const title = `E2E meetup ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

  // Organizer: create an event with capacity 3.
  const organizer = await signedInPage(browser, ORGANIZER);
  const orgPage = organizer.page;
  await orgPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My events' }).click();
  await orgPage.getByRole('main').getByRole('link', { name: 'New event' }).click();
  await expect(orgPage.getByRole('heading', { name: 'New event' })).toBeVisible();
  await orgPage.getByLabel('Title').fill(title);
  await orgPage.getByLabel('Description').fill('Created by the Playwright end-to-end test.');
  await orgPage.getByLabel('Venue').fill('Room 3');
  await orgPage.getByLabel('Starts').fill(daysFromNowLocal(7));
  await orgPage.getByLabel('Ends').fill(daysFromNowLocal(7, 20, 0));
  await orgPage.getByLabel('Capacity').fill('3');
  await orgPage.getByRole('button', { name: 'Create event' }).click();

  // Its page reads the organizer's own write (consistency token): 3 seats left.
  await expect(orgPage).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  await expect(orgPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(orgPage.getByTestId('seats-left')).toHaveText('3');
  const eventUrl = orgPage.url();

  // Attendee, in a separate browser context: search, open, register.
  const attendee = await signedInPage(browser, ATTENDEE);
  const page = attendee.page;
  const search = page.getByRole('searchbox', { name: 'Search events' });
  const result = page.getByRole('link', { name: title });
  // The attendee holds no consistency token for the organizer's write: allow the projection a moment.
  await expect(async () => {
    await search.fill('');
    await search.fill(title);
    await expect(result).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page).toHaveURL(/[?&]q=/);
  await result.click();

  await expect(page).toHaveURL(eventUrl);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('seats-left')).toHaveText('3');
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByText('You’re registered. See you there!')).toBeVisible();
  await expect(page.getByTestId('seats-left')).toHaveText('2');
  await expect(page.getByTestId('registration-status')).toHaveText('You’re registered');
  await expect(page.getByTestId('updating-indicator').first()).toBeEmpty();

  // My registrations lists it as registered.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My registrations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My registrations' })).toBeVisible();
  const row = page.getByTestId('registration-item').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Registered');

  // The organizer's open page follows live (polling): 2 seats left without a reload.
  await expect(orgPage.getByTestId('seats-left')).toHaveText('2', { timeout: 15_000 });
  await expect(orgPage.getByTestId('registered-count')).toHaveText('1 of 3 registered');

  await attendee.context.close();
  await organizer.context.close();
});
