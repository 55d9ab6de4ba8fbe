import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot } from './browser.js';

const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
const WIDE = { width: 1440, height: 900 };

/**
 * Posts in Chromium: a member writes Markdown with a mention in a group; a colleague in another
 * browser is told of it live, reads it, comments and reacts; the author sees the counts change
 * without reloading. Every screen is axe-clean, does not scroll sideways, and is saved.
 */
describe('posts, comments and reactions in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  let groupId = '';
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
    const group = await acme.owner.post('/api/v1/groups', { name: 'Roasting nerds', visibility: 'open' });
    groupId = group.body.id as string;
    expect((await zoe.post(`/api/v1/groups/${groupId}/join`)).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const company = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;

  async function signedIn(client: Client, viewport: { width: number; height: number }, locale = 'en-GB') {
    const ctx: BrowserContext = await browser.newContext({ viewport, locale });
    const [name, value] = (client.cookie ?? '').split('=') as [string, string];
    await ctx.addCookies([{ name, value, domain: `${acme.slug}.localhost`, path: '/' }]);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    return { ctx, page, errors };
  }

  async function check(page: Page, label: string, width: number): Promise<void> {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  it('a post appears live for a colleague, who comments and reacts; the author sees the counts change', async () => {
    const author = await signedIn(acme.owner, LAPTOP);
    const reader = await signedIn(zoe, PHONE, 'fr-FR');
    await author.page.goto(company(`/groups/${groupId}`));
    await reader.page.goto(company(`/groups/${groupId}`));
    await reader.page
      .getByText('Aucune publication pour l’instant')
      .or(reader.page.getByText("Aucune publication pour l'instant"))
      .waitFor();
    await check(reader.page, 'posts-group-empty-360-fr', PHONE.width);

    // Markdown and a mention picked from the suggestions with the keyboard.
    const box = author.page.getByRole('textbox', { name: 'Write a post in Roasting nerds' });
    await box.fill('**Fresh beans** from Huila arrived. ');
    await box.pressSequentially('@Zo');
    const suggestion = author.page.getByRole('option', { name: /Zoë Zimmermann/ });
    await suggestion.waitFor();
    await check(author.page, 'posts-composer-mention-1280-en', LAPTOP.width);
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toContain(`@[Zoë Zimmermann](person:${zoe.personId}) `);
    await box.pressSequentially('please taste them.');
    await author.page.getByRole('button', { name: 'Post', exact: true }).click();
    const mine = author.page.getByTestId('post').first();
    await mine.locator('strong', { hasText: 'Fresh beans' }).waitFor();
    await mine.getByRole('link', { name: '@Zoë Zimmermann' }).waitFor();
    await expect.poll(() => box.inputValue()).toBe('');
    // My own post is shown at once, never announced to me as "new".
    expect(await author.page.getByRole('button', { name: /new post/ }).count()).toBe(0);

    // The colleague's feed does not jump: it offers the new post.
    const prompt = reader.page.getByRole('button', { name: '1 nouvelle publication — afficher' });
    await prompt.waitFor();
    await check(reader.page, 'posts-new-prompt-360-fr', PHONE.width);
    await prompt.click();
    const post = reader.page.getByTestId('post').first();
    await post.locator('strong', { hasText: 'Fresh beans' }).waitFor();
    await expect.poll(() => prompt.count()).toBe(0);

    // Reacts and comments.
    const like = post.getByRole('button', { name: "J'aime : Publication de Olivia Owner" });
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await post.getByRole('button', { name: '0 commentaire' }).click();
    const comment = post.getByRole('textbox', { name: 'Écrire un commentaire' });
    await comment.fill('Superbe, _merci_ !');
    await post.getByRole('button', { name: 'Commenter' }).click();
    await post.getByTestId('comment').locator('em', { hasText: 'merci' }).waitFor();
    await post.getByRole('button', { name: '1 commentaire' }).waitFor();
    await check(reader.page, 'posts-commented-360-fr', PHONE.width);

    // Live counts on the author's screen.
    await mine.getByRole('button', { name: '1 comment' }).waitFor();
    await mine.getByRole('button', { name: /^1 reaction to Post by Olivia Owner/ }).waitFor();
    await mine.getByRole('button', { name: '1 comment' }).click();
    await mine.getByTestId('comment').filter({ hasText: 'Superbe' }).waitFor();

    // A reply, and a reaction of another kind on the comment, chosen from the menu.
    await mine.getByRole('button', { name: 'Reply to Zoë Zimmermann' }).click();
    const reply = mine.getByRole('textbox', { name: 'Reply to Zoë Zimmermann' });
    await reply.pressSequentially('Glad you like them.');
    await mine.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await mine.getByTestId('comment').filter({ hasText: '@Zoë Zimmermann Glad you like them.' }).last().waitFor();
    await mine.getByRole('button', { name: 'Choose a reaction to the comment by Zoë Zimmermann' }).click();
    await author.page.getByRole('menuitemradio', { name: 'Love' }).click();
    await mine.getByRole('button', { name: 'Love: the comment by Zoë Zimmermann' }).waitFor();
    await check(author.page, 'posts-thread-1280-en', LAPTOP.width);

    // Who reacted.
    await mine.getByRole('button', { name: /^1 reaction to Post by Olivia Owner/ }).click();
    const dialog = author.page.getByRole('dialog', { name: 'Reactions' });
    await dialog.getByRole('link', { name: 'Zoë Zimmermann' }).waitFor();
    expect(await axeViolations(author.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // An edit is marked and kept in the history; the reader sees the new text live.
    await mine.getByRole('button', { name: 'Actions on the post by Olivia Owner' }).click();
    await author.page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = mine.getByRole('textbox', { name: 'Edit your post' });
    await edit.fill('**Fresh beans** from Huila and Nariño arrived.');
    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.getByText('Huila and Nariño').waitFor();
    await post.getByText('Huila and Nariño').waitFor();
    await mine.getByRole('button', { name: 'Edited' }).click();
    const history = author.page.getByRole('dialog', { name: 'Edit history' });
    await history.getByText('please taste them.').waitFor();
    expect(await axeViolations(author.page)).toEqual([]);
    await screenshot(author.page, 'posts-history-1280-en');
    await history.getByRole('button', { name: 'Close' }).click();

    expect([...author.errors, ...reader.errors]).toEqual([]);
    await author.ctx.close();
    await reader.ctx.close();
  });

  it('attaches a photo, votes in a poll, answers an event, marks an announcement seen, and follows a notification', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const posts = [
      { body: 'Which origin next month?', poll: { options: ['Ethiopia', 'Colombia'] } },
      { body: 'Cupping on Friday.', event: { title: 'Cupping', startsAt, place: 'Roastery, Lyon' } },
      { body: 'The roaster is serviced on Monday: no roasting that day.', important: true },
    ];
    for (const body of posts) expect((await acme.owner.post('/api/v1/posts', { groupId, ...body })).status).toBe(201);
    const author = await signedIn(acme.owner, LAPTOP);
    await author.page.goto(company(`/groups/${groupId}`));
    const announcementByAuthor = author.page.getByTestId('post').filter({ hasText: 'The roaster is serviced' });
    await announcementByAuthor.getByText('Seen by 0 of 1').waitFor();

    const { ctx, page, errors } = await signedIn(zoe, PHONE);
    await page.goto(company(`/groups/${groupId}`));
    const poll = page.getByTestId('post').filter({ hasText: 'Which origin next month?' });
    await poll.getByRole('radio', { name: 'Colombia' }).check();
    await poll.getByRole('button', { name: 'Vote' }).click();
    await poll.getByText('1 vote (100 %)').waitFor();
    const event = page.getByTestId('post').filter({ hasText: 'Cupping on Friday.' });
    await event.getByRole('button', { name: 'Going' }).click();
    await event.getByText("1 going · 0 maybe · 0 can't go").waitFor();
    const announcement = page.getByTestId('post').filter({ hasText: 'The roaster is serviced' });
    await announcement.getByRole('button', { name: 'Mark as seen' }).click();
    await announcement.getByText('Seen by 1 of 1').waitFor();
    // The author's screen hears of it live.
    await announcementByAuthor.getByText('Seen by 1 of 1').waitFor();

    // A photo, uploaded as soon as it is chosen, shown in the post's grid.
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a5a2b' } })
      .png()
      .toBuffer();
    await page.locator('input[type="file"]').setInputFiles({ name: 'beans.png', mimeType: 'image/png', buffer: png });
    // Photos are stored as WebP, under the name they were given with the new extension.
    await page.getByRole('button', { name: 'Remove beans.webp' }).waitFor();
    await page.getByRole('textbox', { name: 'Write a post in Roasting nerds' }).fill('Today’s roast.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const photoPost = page.getByTestId('post').filter({ hasText: 'Today’s roast.' });
    await photoPost.getByRole('img', { name: 'Photo: beans.webp' }).waitFor();
    await check(page, 'posts-extras-360-en', PHONE.width);

    // A poll written in the composer.
    await page.getByRole('button', { name: 'Add a poll' }).click();
    await page.getByRole('textbox', { name: 'Option 1' }).fill('Darker');
    await page.getByRole('textbox', { name: 'Option 2' }).fill('Lighter');
    await page.getByRole('textbox', { name: 'Write a post in Roasting nerds' }).fill('How should we roast the Huila?');
    await check(page, 'posts-composer-poll-360-en', PHONE.width);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const ownPoll = page.getByTestId('post').filter({ hasText: 'How should we roast the Huila?' });
    await ownPoll.getByRole('radio', { name: 'Lighter' }).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Option 1' }).count()).toBe(0);

    // Notifications: the bell counts them; one leads to its post.
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/Notifications: [1-9]\d* unread/);
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const first = page.getByTestId('notification').filter({ hasText: 'Olivia Owner made an announcement in Roasting nerds' });
    await first.waitFor();
    await check(page, 'notifications-360-en', PHONE.width);
    await first.getByRole('button').click();
    await page.getByRole('heading', { level: 1, name: 'Post by Olivia Owner' }).waitFor();
    await page.getByText('The roaster is serviced on Monday').waitFor();
    await check(page, 'post-page-360-en', PHONE.width);
    expect([...errors, ...author.errors]).toEqual([]);
    await ctx.close();
    await author.ctx.close();
  });

  it('shows the home feed and a profile’s recent activity at 1440 and 360 px', async () => {
    for (const [viewport, label] of [
      [WIDE, '1440'],
      [PHONE, '360'],
    ] as const) {
      const made = await acme.owner.post('/api/v1/posts', {
        groupId,
        body: `A post to read at ${label} px, with a [link](https://example.com).`,
      });
      expect(made.status).toBe(201);
      const { ctx, page, errors } = await signedIn(zoe, viewport);
      await page.goto(company('/'));
      await page.getByRole('heading', { name: 'News feed' }).waitFor();
      await page.getByTestId('post').first().waitFor();
      await check(page, `posts-home-${label}-en`, viewport.width);
      await page.getByRole('button', { name: 'Top' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Top' }).getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId('post').first().waitFor();
      await page.getByRole('button', { name: 'Why am I seeing this?' }).first().click();
      await page.getByText('You are a member of Roasting nerds.').first().waitFor();
      await check(page, `posts-home-top-${label}-en`, viewport.width);
      await page.goto(company(`/people/${acme.owner.session?.person.id ?? ''}`));
      await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
      await page.getByTestId('post').first().waitFor();
      await check(page, `posts-profile-${label}-en`, viewport.width);
      // A new post by the person whose profile is open is offered there too, without moving the page.
      const fresh = await acme.owner.post('/api/v1/posts', { groupId, body: `Fresh from the roaster at ${label} px` });
      expect(fresh.status).toBe(201);
      await page.getByRole('button', { name: '1 new post — show' }).click();
      await page.getByText(`Fresh from the roaster at ${label} px`).waitFor();
      expect(errors).toEqual([]);
      await ctx.close();
    }
  });
});
