/**
 * `npm run screenshots`: PNGs of the main pages for the README into docs/images/, from a running
 * stack (it starts nothing): BASE_URL, default http://127.0.0.1:3000. Signs in as the demo users,
 * finds an event through the query API, and writes desktop light and dark (1280 x 800) and two
 * phone shots under stable names. Chromium: CHROMIUM_PATH, default Debian's /usr/bin/chromium.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'images');
const PASSWORD = 'demo-password';
const ORGANIZER = 'organizer@demo.test';
const ATTENDEE = 'attendee1@demo.test';
const ADMIN = 'admin@demo.test';

type Theme = 'light' | 'dark';
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

async function signIn(browser: Browser, email: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Until the main heading shows and nothing in <main> is loading; then charts get a moment to draw. */
async function settle(page: Page) {
  await page
    .locator('h1')
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 })
    .catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('main [aria-busy="true"], main [data-slot="skeleton"], main .animate-pulse'), undefined, { timeout: 15_000 })
    .catch(() => {});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(600);
}

async function open(browser: Browser, state: StorageState, theme: Theme, viewport: { width: number; height: number }, mobile = false) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    storageState: state,
    viewport,
    deviceScaleFactor: 1,
    isMobile: mobile,
    hasTouch: mobile,
    colorScheme: theme,
    reducedMotion: 'reduce',
  });
  await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
  return context;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const states: Record<string, StorageState> = {
      [ORGANIZER]: await signIn(browser, ORGANIZER),
      [ATTENDEE]: await signIn(browser, ATTENDEE),
      [ADMIN]: await signIn(browser, ADMIN),
    };

    // An upcoming event of Olivia's with registrations: its page and who registered.
    const probe = await browser.newContext({ baseURL: BASE_URL, storageState: states[ORGANIZER] });
    const organized = (await (await probe.request.get('/api/queries/events/organized')).json()) as {
      items: Array<{ eventId: string; startsAt: string; status: string; registeredCount: number; capacity: number }>;
    };
    await probe.close();
    const ahead = organized.items
      .filter((e) => e.status === 'scheduled' && Date.parse(e.startsAt) > Date.now())
      .sort((a, b) => b.registeredCount - a.registeredCount || Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const eventId = ahead[0]?.eventId;
    if (!eventId) throw new Error('no upcoming event of organizer@demo.test: is the demo data loaded?');

    const shots: Array<{ name: string; path: string; user: string }> = [
      { name: 'home', path: '/', user: ORGANIZER },
      { name: 'events', path: '/events', user: ATTENDEE },
      { name: 'event', path: `/events/${eventId}`, user: ATTENDEE },
      { name: 'attendees', path: `/events/${eventId}/attendees`, user: ORGANIZER },
      { name: 'organizer', path: '/organizer', user: ORGANIZER },
      { name: 'feed', path: '/social', user: ATTENDEE },
      { name: 'people', path: '/social/people', user: ATTENDEE },
      { name: 'ops', path: '/ops', user: ADMIN },
    ];
    const written: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      for (const shot of shots) {
        const context = await open(browser, states[shot.user], theme, { width: 1280, height: 800 });
        const page = await context.newPage();
        await page.goto(shot.path);
        await settle(page);
        const file = path.join(OUT, `${shot.name}-${theme}.png`);
        await page.screenshot({ path: file });
        written.push(file);
        await context.close();
      }
    }
    for (const shot of [
      { name: 'phone-home', path: '/', user: ORGANIZER },
      { name: 'phone-feed', path: '/social', user: ATTENDEE },
    ]) {
      const context = await open(browser, states[shot.user], 'light', { width: 390, height: 844 }, true);
      const page = await context.newPage();
      await page.goto(shot.path);
      await settle(page);
      const file = path.join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file });
      written.push(file);
      await context.close();
    }
    for (const file of written) console.log(`screenshots: ${path.relative(process.cwd(), file)}`);
  } finally {
    await browser.close();
  }
}

main().catch((e: Error) => {
  console.error(`screenshots: ${e.message}`);
  process.exit(1);
});
