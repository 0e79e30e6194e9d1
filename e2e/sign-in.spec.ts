import { expect, test } from '@playwright/test';
import { submitSignIn } from './support/sign-in';

// attendee3 is used by no other spec, so its failed-attempt counter never locks out the main flow.
const EXISTING_ACCOUNT = 'attendee3@demo.test';

test('a wrong password shows an error that does not reveal whether the email exists', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  // An account that exists, wrong password.
  await submitSignIn(page, EXISTING_ACCOUNT, 'not-the-password');
  const error = page.getByTestId('sign-in-error');
  await expect(error).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  const existingMessage = (await error.textContent())?.trim();

  // An account that does not exist: exactly the same answer.
  await submitSignIn(page, `nobody-${Date.now()}@demo.test`, 'not-the-password');
  await expect(error).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  const unknownMessage = (await error.textContent())?.trim();

  expect(existingMessage).toBeTruthy();
  expect(unknownMessage).toBe(existingMessage);
  expect(existingMessage).not.toMatch(/no (such )?account|not found|unknown|does not exist|not registered/i);

  // Still signed out: a dashboard page sends us back to sign in.
  await page.goto('/my/registrations');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await context.close();
});
