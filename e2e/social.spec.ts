import { expect, test, type APIRequestContext } from '@playwright/test';
import { signedInPage } from './support/sign-in';

const PASSWORD = 'social-e2e-password';

/** A brand-new account through the open sign-up command, so the test owns every follow and like. */
async function createUser(request: APIRequestContext, name: string) {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@e2e.test`;
  const response = await request.post('/api/commands/identity/create-user', {
    data: { email, name, password: PASSWORD },
  });
  expect(response.ok(), await response.text()).toBe(true);
  const { userId } = (await response.json()) as { userId: string };
  return { email, name, userId };
}

test('a follower sees a new post arrive live, likes it and comments on it', async ({ browser, request }) => {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const reader = await createUser(request, `Ada ${run}`);
  const author = await createUser(request, `Bo ${run}`);

  // Reader: open the author's profile by URL and follow. The profile is a projection of the
  // new account, so allow it a moment to appear.
  const a = await signedInPage(browser, reader.email, PASSWORD);
  const pageA = a.page;
  const authorHeading = pageA.getByRole('heading', { level: 1, name: author.name });
  await expect(async () => {
    await pageA.goto(`/social/users/${author.userId}`);
    await expect(authorHeading).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await pageA.getByRole('button', { name: `Follow ${author.name}` }).click();
  await expect(pageA.getByRole('button', { name: `Unfollow ${author.name}` })).toBeVisible();
  await expect(pageA.getByText('1 follower', { exact: true })).toBeVisible();

  // Reader: sit on the feed with the live stream connected; mark the document to prove no reload.
  await pageA.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }).click();
  await expect(pageA.getByRole('heading', { level: 1, name: 'Feed' })).toBeVisible();
  await expect(pageA.getByText('Live updates on')).toBeVisible();
  await pageA.evaluate(() => document.documentElement.setAttribute('data-e2e-not-reloaded', 'yes'));

  // Author, in another browser context: publish a post with a unique first line.
  const b = await signedInPage(browser, author.email, PASSWORD);
  const pageB = b.page;
  await pageB.goto('/social');
  const firstLine = `Fresh from the e2e run ${run}`;
  await pageB.getByRole('textbox', { name: 'New post' }).fill(`${firstLine}\n<b>not bold</b>`);
  await pageB.getByRole('textbox', { name: /^Tags/ }).fill('e2e, live');
  await pageB.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(pageB.getByText('Your post is published.')).toBeVisible();

  // Reader: the post appears by itself (Server-Sent Events), markup shown as typed.
  const card = pageA.getByRole('article').filter({ hasText: firstLine });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card).toContainText('<b>not bold</b>');
  await expect(card.getByRole('link', { name: author.name, exact: true })).toBeVisible();
  await expect(card.getByRole('link', { name: '#e2e' })).toBeVisible();
  await expect(pageA.locator('html')).toHaveAttribute('data-e2e-not-reloaded', 'yes');

  // Like it: a toggle whose count follows the command's answer.
  const like = card.getByRole('button', { name: 'Like' });
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByText('1 like', { exact: true })).toBeVisible();

  // Open it and comment; the comment shows up (read with the command's consistency token).
  await card.getByRole('link', { name: '0 comments' }).click();
  await expect(pageA).toHaveURL(/\/social\/posts\/[0-9a-f-]{36}$/);
  await expect(pageA.getByRole('heading', { level: 1, name: `Post by ${author.name}` })).toBeVisible();
  const commentText = `Nice one, ${author.name}!`;
  await pageA.getByRole('textbox', { name: 'Comment', exact: true }).fill(commentText);
  await pageA.getByRole('button', { name: 'Add comment' }).click();
  await expect(pageA.getByRole('list', { name: 'Comments' }).getByText(commentText)).toBeVisible();
  await expect(pageA.getByRole('heading', { name: 'Comments (1)' })).toBeVisible();

  await b.context.close();
  await a.context.close();
});
