import { expect, test } from '@playwright/test';
import { type DemoIds, discoverDemoIds } from './support/demo-ids';
import { demoContext, settle } from './support/demo-session';
import { PAGES } from './support/page-catalog';

/**
 * Every page on a 390 x 844 phone: nothing may scroll sideways. A failure names the widest
 * elements that stick out, so the fix starts at the right place.
 */

let ids: DemoIds;

test.beforeAll(async ({ browser }) => {
  ids = await discoverDemoIds(browser);
});

for (const entry of PAGES) {
  test(`phone 390x844: ${entry.name} has no horizontal overflow`, async ({ browser }) => {
    const context = await demoContext(browser, entry.user, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const response = await page.goto(entry.path(ids));
    expect(response?.status()).toBe(entry.status ?? 200);
    await settle(page);

    const report = await page.evaluate(() => {
      const width = window.innerWidth;
      const scrollWidth = document.documentElement.scrollWidth;
      const label = (el: Element) => {
        const id = el.id ? `#${el.id}` : '';
        const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : '';
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `<${el.tagName.toLowerCase()}${id}${classes}>${text ? ` "${text}"` : ''}`;
      };
      const offenders = [...document.body.querySelectorAll('*')]
        .map((el) => ({ el, rect: el.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width > 0 && rect.right > width + 1)
        .sort((a, b) => b.rect.right - a.rect.right || b.rect.width - a.rect.width)
        .slice(0, 5)
        .map(({ el, rect }) => `${label(el)} right=${Math.round(rect.right)} width=${Math.round(rect.width)}`);
      return { width, scrollWidth, offenders };
    });
    expect(
      report.scrollWidth,
      `${entry.name} (${page.url()}) is ${report.scrollWidth}px wide at ${report.width}px; widest:\n  ${report.offenders.join('\n  ')}`,
    ).toBeLessThanOrEqual(report.width);
    await context.close();
  });
}
