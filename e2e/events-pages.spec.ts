import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { storageStateFor } from './support/demo-session';
import { ATTENDEE, DEMO_PASSWORD, ORGANIZER, daysFromNowLocal } from './support/sign-in';

/**
 * The events pages in the shell, and the events defects of issue 8 (3, 7, 8, 9, 10), each with the
 * check that would have caught it. Every test makes its own events through the API, so they do not
 * depend on the demo data's state.
 */

// `next dev` compiles each page on its first visit: room for that.
test.describe.configure({ timeout: 180_000 });

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

// Each account signs in once per worker (one token, one browser session) and every test reuses it:
// a hundred sign-ins in a row would only measure the sign-in page.
const tokens = new Map<string, string>();

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const known = tokens.get(email);
  if (known) return known;
  const res = await request.post('/api/auth/token', { data: { email, password: DEMO_PASSWORD } });
  expect(res.ok(), `token for ${email}: ${res.status()}`).toBeTruthy();
  const token = (await res.json()).token as string;
  tokens.set(email, token);
  return token;
}

async function command(request: APIRequestContext, token: string, name: string, body: object) {
  const res = await request.post(`/api/commands/events/${name}`, {
    data: body,
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() },
  });
  expect(res.ok(), `${name}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return res.json();
}

/** An event by the demo organizer, `days` from now, and its id once the read side has it. */
async function createEvent(request: APIRequestContext, { title = unique('E2E pages'), capacity = 5, days = 10 } = {}) {
  const token = await tokenFor(request, ORGANIZER);
  const startsAt = new Date(Date.now() + days * 86_400_000).toISOString();
  const { eventId } = (await command(request, token, 'create-event', { title, venue: 'Room 7', startsAt, capacity })) as { eventId: string };
  await expect.poll(async () => (await request.get(`/api/queries/events/${eventId}`)).status(), { timeout: 15_000 }).toBe(200);
  return { eventId, title, token };
}

async function registerAs(request: APIRequestContext, email: string, eventId: string) {
  await command(request, await tokenFor(request, email), 'register-participant', { eventId });
}

const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text });

/** A browser context signed in as `email` (optionally in another time zone), on /events; one sign-in per user per worker. */
async function signedIn(browser: Browser, email: string, timezoneId?: string) {
  const context = await browser.newContext({ storageState: await storageStateFor(browser, email), ...(timezoneId ? { timezoneId } : {}) });
  const page = await context.newPage();
  await page.goto('/events');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return { context, page };
}

test.describe('defect 7: unknown and malformed event ids', () => {
  test('a malformed id and an unknown id are the shell’s 404 with HTTP 404, never the API’s wording', async ({ browser }) => {
    const { context, page } = await signedIn(browser, ATTENDEE);
    for (const path of ['/events/not-a-uuid', '/events/00000000-0000-4000-8000-000000000000', '/events/not-a-uuid/attendees', '/events/not-a-uuid/edit']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(page.getByText('The query parameters are invalid')).toHaveCount(0);
    }
    await context.close();
  });
});

test.describe('defect 3: the organizer sees who registered', () => {
  test('attendees page from the event page and from the My events row menu, with figures, chart and a searchable table', async ({ browser, request }) => {
    const { eventId, title } = await createEvent(request, { capacity: 4 });
    await registerAs(request, ATTENDEE, eventId);
    await registerAs(request, 'attendee2@demo.test', eventId);

    const { context, page } = await signedIn(browser, ORGANIZER);
    await page.goto(`/events/${eventId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // Breadcrumbs name the event.
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(title);
    await page.getByRole('link', { name: 'Attendees' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}/attendees`));
    await expect(page.getByRole('heading', { level: 1, name: 'Attendees' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(`${title}`);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Attendees');

    await expect(page.getByTestId('figure-registered')).toHaveText('2');
    await expect(page.getByTestId('figure-capacity')).toHaveText('4');
    await expect(page.getByTestId('figure-seats-left')).toHaveText('2');
    await expect(page.getByTestId('figure-cancellations')).toHaveText('0');
    await expect(page.getByRole('heading', { name: 'Registrations per day' })).toBeVisible();

    const table = page.getByRole('table', { name: 'Attendees' });
    await expect(table.getByRole('rowheader', { name: /Ari Attendee/ })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: /Bo Attendee/ })).toBeVisible();
    // Search by name, kept in the URL.
    await page.getByRole('searchbox', { name: 'Search attendees by name' }).fill('Bo');
    await expect(table.getByRole('rowheader', { name: /Ari Attendee/ })).toHaveCount(0);
    await expect(table.getByRole('rowheader', { name: /Bo Attendee/ })).toBeVisible();
    await expect(page).toHaveURL(/at\.q=Bo/);

    // The My events table's row menu leads to the same page.
    await page.goto('/organizer');
    await page.getByRole('searchbox').first().fill(title);
    await page.getByRole('button', { name: `Actions for ${title}` }).click();
    await page.getByRole('menuitem', { name: 'Attendees' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}/attendees`));
    await expect(page.getByTestId('figure-registered')).toHaveText('2');
    await context.close();

    // Anyone else is told it is the organizer's, and sees no names.
    const attendee = await signedIn(browser, ATTENDEE);
    await attendee.page.goto(`/events/${eventId}/attendees`);
    await expect(attendee.page.getByText('Only the organizer sees who registered')).toBeVisible();
    await expect(attendee.page.getByRole('table', { name: 'Attendees' })).toHaveCount(0);
    await attendee.context.close();
  });
});

test.describe('defect 8: limits, past starts and time zones', () => {
  test('a pasted 656-character title is kept, counted and refused with a message, not cut to 200', async ({ browser }) => {
    const { context, page } = await signedIn(browser, ORGANIZER);
    await page.goto('/events/new');
    const title = page.getByLabel('Title');
    await expect(page.getByTestId('title-counter')).toContainText('0/200');
    const long = 'Supercalifragilistic'.repeat(33).slice(0, 656);
    await title.fill(long);
    await expect(title).toHaveValue(long);
    await expect(page.getByTestId('title-counter')).toContainText('656/200');
    await expect(page.getByText('Title is 656 characters long; the limit is 200 (456 too many).')).toBeVisible();
    await page.getByLabel('Starts').fill(daysFromNowLocal(5));
    await page.getByLabel('Capacity').fill('10');
    let commands = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/commands/')) commands++;
    });
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(page).toHaveURL(/\/events\/new$/);
    await expect(title).toBeFocused();
    expect(commands).toBe(0);
    await context.close();
  });

  test('a past start is caught in the browser before submit', async ({ browser }) => {
    const { context, page } = await signedIn(browser, ORGANIZER);
    await page.goto('/events/new');
    await page.getByLabel('Title').fill(unique('Past start'));
    await page.getByLabel('Starts').fill(daysFromNowLocal(-2));
    await page.getByLabel('Capacity').fill('10');
    let commands = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/commands/')) commands++;
    });
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(page.getByText(/is in the past\. Choose a later date and time\./)).toBeVisible();
    await expect(page.getByLabel('Starts')).toBeFocused();
    expect(commands).toBe(0);
    await expect(page.getByTestId('form-time-zone')).toContainText('Times are in your time zone');
    await context.close();
  });

  test('every time on the event pages names its time zone', async ({ browser, request }) => {
    const { eventId, title } = await createEvent(request);
    await registerAs(request, ATTENDEE, eventId);
    const { context, page } = await signedIn(browser, ORGANIZER, 'Asia/Tokyo');
    const zone = /GMT\+9|JST/;
    await page.goto(`/events/${eventId}`);
    await expect(page.getByTestId('event-when')).toHaveText(zone);
    await page.goto(`/events/${eventId}/attendees`);
    await expect(page.getByRole('table', { name: 'Attendees' }).locator('time').first()).toHaveText(zone, { timeout: 30_000 });
    await page.goto('/events');
    await page.getByRole('searchbox', { name: 'Search events' }).fill(title);
    await expect(page.getByTestId('event-card').filter({ hasText: title }).locator('time')).toHaveText(zone);
    await context.close();

    const attendee = await signedIn(browser, ATTENDEE, 'Asia/Tokyo');
    await attendee.page.goto('/my/registrations');
    await expect(attendee.page.getByTestId('registration-item').filter({ hasText: title }).locator('time')).toHaveText(zone);
    await attendee.context.close();
  });
});

test.describe('defect 9: roles, toasts and confirmations', () => {
  test('no "New event" for someone who is not an organizer', async ({ browser }) => {
    const { context, page } = await signedIn(browser, ATTENDEE);
    for (const path of ['/events', '/organizer', '/my/registrations']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: /New event|Create your first event/ })).toHaveCount(0);
    }
    await context.close();

    const organizer = await signedIn(browser, ORGANIZER);
    await expect(organizer.page.getByRole('main').getByRole('link', { name: 'New event' })).toBeVisible();
    await organizer.context.close();
  });

  test('create, update and delete are confirmed by toasts', async ({ browser }) => {
    const { context, page } = await signedIn(browser, ORGANIZER);
    const title = unique('Toasted');
    await page.goto('/events/new');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Starts').fill(daysFromNowLocal(9));
    await page.getByLabel('Capacity').fill('8');
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(toast(page, 'Event created')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByLabel('Title')).toHaveValue(title);
    await page.getByLabel('Capacity').fill('9');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(toast(page, 'Changes saved')).toBeVisible();
    await expect(page.getByTestId('registered-count')).toHaveText('0 of 9 registered');

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this event?' });
    await expect(dialog).toContainText('will see their registration as cancelled');
    await dialog.getByRole('button', { name: 'Delete event' }).click();
    await expect(toast(page, 'Event deleted')).toBeVisible();
    await expect(page).toHaveURL(/\/organizer/);
    await context.close();
  });

  test('register and cancel are confirmed by toasts; cancelling asks first; focus lands on the next action', async ({ browser, request }) => {
    const { eventId, title } = await createEvent(request);
    const { context, page } = await signedIn(browser, ATTENDEE);
    await page.goto(`/events/${eventId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    await page.getByRole('button', { name: 'Register' }).click();
    await expect(toast(page, 'You’re registered. See you there!')).toBeVisible();
    const cancel = page.getByRole('button', { name: 'Cancel registration' });
    await expect(cancel).toBeFocused();

    // Asking, and keeping the seat, changes nothing and gives focus back to the button.
    await cancel.click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel your registration?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep my seat' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(cancel).toBeFocused();
    await expect(page.getByTestId('registration-status')).toHaveText('You’re registered');

    await cancel.click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel registration' }).click();
    await expect(toast(page, 'Registration cancelled')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Register' })).toBeFocused();
    await expect(page.getByTestId('seats-left')).toHaveText('5');
    await context.close();
  });
});

test.describe('defect 10: errors, deleted events and the organizer’s own event', () => {
  test('with the events API failing the page shows the error with Retry, does not flip back to loading, and backs off', async ({ browser, request }) => {
    const { eventId, title } = await createEvent(request);
    const { context, page } = await signedIn(browser, ATTENDEE);
    let calls = 0;
    let failing = true;
    await page.route(`**/api/queries/events/${eventId}`, async (route) => {
      calls++;
      if (failing) await route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ status: 503, title: 'Unavailable' }) });
      else await route.continue();
    });
    await page.goto(`/events/${eventId}`);
    const error = page.getByTestId('event-load-error');
    await expect(error).toBeVisible({ timeout: 20_000 });
    const before = calls;
    // 8 s on the error: it stays, no loading placeholder, and nothing more is asked.
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(1000);
      await expect(error).toBeVisible();
      await expect(page.getByText('Loading event…')).toHaveCount(0);
    }
    expect(calls - before).toBe(0);
    // The first read and two retries (one more remount in development's strict mode).
    expect(calls).toBeLessThanOrEqual(4);

    failing = false;
    await error.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await context.close();
  });

  test('a 404 from the API is final: asked once, not every few seconds', async ({ browser, request }) => {
    const { eventId } = await createEvent(request);
    const { context, page } = await signedIn(browser, ATTENDEE);
    let calls = 0;
    await page.route(`**/api/queries/events/${eventId}`, async (route) => {
      calls++;
      await route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 404, code: 'not-found', title: 'Not found' }),
      });
    });
    await page.goto(`/events/${eventId}`);
    await expect(page.getByText('Event not found')).toBeVisible();
    // Asked once (a remount, as React's strict mode does in development, may ask once more), then never again.
    await page.waitForTimeout(1000);
    const settled = calls;
    expect(settled).toBeLessThanOrEqual(2);
    await page.waitForTimeout(7000);
    expect(calls).toBe(settled);
    await context.close();
  });

  test('a deleted event reads "Deleted" without seats, and its attendee reads "Cancelled — event deleted"', async ({ browser, request }) => {
    const { eventId, title, token } = await createEvent(request, { capacity: 1 });
    await registerAs(request, ATTENDEE, eventId);
    await command(request, token, 'delete-event', { eventId });

    const { context, page } = await signedIn(browser, ATTENDEE);
    await page.goto(`/events/${eventId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId('event-status')).toHaveText('Deleted', { timeout: 15_000 });
    await expect(page.getByTestId('seats-left')).toHaveCount(0);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByText(/0 seats? left/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Register' })).toHaveCount(0);

    await page.goto('/my/registrations');
    const row = page.getByTestId('registration-item').filter({ hasText: title });
    await expect(row.getByTestId('registration-status-badge')).toHaveText('Cancelled — event deleted');
    await context.close();
  });

  test('the organizer sees their own tools instead of a Register button', async ({ browser, request }) => {
    const { eventId } = await createEvent(request);
    const { context, page } = await signedIn(browser, ORGANIZER);
    await page.goto(`/events/${eventId}`);
    const tools = page.getByTestId('organizer-tools');
    await expect(tools).toContainText('You organize this event');
    await expect(tools.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', `/events/${eventId}/edit`);
    await expect(tools.getByRole('link', { name: 'Attendees' })).toHaveAttribute('href', `/events/${eventId}/attendees`);
    await expect(page.getByRole('button', { name: 'Register' })).toHaveCount(0);
    await context.close();
  });
});

test.describe('the events pages on a phone', () => {
  test('no sideways scroll at 390 px on the event, attendees, form and lists', async ({ browser, request }) => {
    const { eventId } = await createEvent(request, { title: `${'Unbreakable'.repeat(16)} ${Date.now()}` });
    const { context, page } = await signedIn(browser, ORGANIZER);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of [
      `/events/${eventId}`,
      `/events/${eventId}/attendees`,
      `/events/${eventId}/edit`,
      '/events/new',
      '/events',
      '/my/registrations',
      '/organizer',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForTimeout(500);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
