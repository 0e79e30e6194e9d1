import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { type DemoIds, discoverDemoIds } from './support/demo-ids';
import { demoContext, settle, type Theme } from './support/demo-session';
import { PAGES } from './support/page-catalog';

/**
 * axe on every page, light and dark: no serious or critical violation. Each one is printed with its
 * rule, the elements and the help text.
 */

let ids: DemoIds;

test.beforeAll(async ({ browser }) => {
  ids = await discoverDemoIds(browser);
});

for (const theme of ['light', 'dark'] as Theme[]) {
  for (const entry of PAGES) {
    const key = `${entry.name} / ${theme}`;
    test(`axe ${theme}: ${entry.name} has no serious or critical violations`, async ({ browser }) => {
      const context = await demoContext(browser, entry.user, { theme });
      const page = await context.newPage();
      const response = await page.goto(entry.path(ids));
      expect(response?.status()).toBe(entry.status ?? 200);
      await settle(page);
      if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);

      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const lines = serious.flatMap((v) => [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
      ]);
      if (lines.length) console.log(`[axe] ${key} ${page.url()}\n${lines.join('\n')}`);
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${key}:\n${lines.join('\n')}`,
      ).toEqual([]);
      await context.close();
    });
  }
}
