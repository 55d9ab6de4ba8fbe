import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot, signedInPage } from './browser.js';

const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1440, height: 900 };

/**
 * Work Chat in two Chromium pages, two people: Olivia opens a conversation from Zoë's profile and
 * writes; Zoë is told live (unread badge), types, reads; Olivia sees "typing" and "Seen". Zoë goes
 * offline while two messages are sent and, back online, has each exactly once, in order. A send
 * made offline shows "not sent" and a retry delivers it once. Every screen is axe-clean, does not
 * scroll sideways, and is saved at 360 and 1440 px in English and French.
 */
describe('Work Chat in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  beforeAll(async () => {
    // A long history is written through the API in one go: above the flood limit people get.
    t = await startTestServer({ dialect: 'sqlite', env: { CHAT_SEND_LIMIT: '1000' } });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const company = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;

  const signedIn = (client: Client, viewport: { width: number; height: number }, locale: string) =>
    signedInPage(browser, client.cookie ?? '', `${acme.slug}.localhost`, viewport, locale);

  /** `dialog`: a modal is open, so the page behind it (and its heading) is hidden from assistive technology. */
  async function check(page: Page, label: string, width: number, dialog = false): Promise<void> {
    if (dialog) await page.getByRole('dialog').waitFor();
    else await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  const rows = (page: Page) => page.getByTestId('message');
  const texts = (page: Page) =>
    rows(page).evaluateAll((els) => els.map((e) => (e.querySelector('.msg__bubble')?.textContent ?? '').trim()));
  const connected = (page: Page) => expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state')).toBe('connected');

  it('sends live, shows typing and "Seen", catches up after going offline exactly once, and retries a failed send once', async () => {
    const a = await signedIn(acme.owner, WIDE, 'en-GB');
    const b = await signedIn(zoe, PHONE, 'fr-FR');

    // Zoë waits on her (empty) conversation list.
    await b.page.goto(company('/chat'));
    await b.page.getByText('Aucune conversation pour l’instant.').waitFor();
    await connected(b.page);
    await check(b.page, 'chat-list-empty-360-fr', PHONE.width);

    // Olivia opens a conversation from Zoë's profile.
    await a.page.goto(company(`/people/${zoe.personId}`));
    await a.page.getByRole('button', { name: 'Message', exact: true }).click();
    await a.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await a.page.getByText('No messages yet. Say hello!').waitFor();
    await connected(a.page);
    await check(a.page, 'chat-conversation-empty-1440-en', WIDE.width);
    const box = a.page.getByRole('textbox', { name: 'Message to Zoë Zimmermann' });
    await box.fill('Hello **Zoë**, the beans are in.');
    await box.press('Enter');
    await expect.poll(() => texts(a.page)).toEqual(['Hello Zoë, the beans are in.']);
    await expect.poll(() => rows(a.page).first().getAttribute('data-status')).toBe(null);

    // Zoë is told at once: the conversation with its unread badge, and the total on the Chat tab.
    const row = b.page.getByTestId('conversation').filter({ hasText: 'Olivia Owner' });
    await row.waitFor();
    await expect.poll(() => row.getByTestId('conversation-unread').textContent()).toContain('1');
    await expect.poll(() => b.page.getByTestId('chat-badge').textContent()).toMatch(/^1/);
    await check(b.page, 'chat-list-unread-360-fr', PHONE.width);

    // She opens it (reading it) and starts typing: Olivia sees both.
    await row.click();
    await expect.poll(() => texts(b.page)).toEqual(['Hello Zoë, the beans are in.']);
    await expect.poll(() => a.page.getByTestId('seen').textContent()).toBe('Seen');
    // On her phone the conversation has the whole screen (no tabs under the composer); back on the
    // list, the tabs return and the Chat tab's badge is gone.
    const tabs = b.page.getByRole('navigation', { name: 'Principale' });
    expect(await tabs.count()).toBe(0);
    await b.page.getByRole('link', { name: 'Retour aux conversations' }).click();
    await tabs.waitFor();
    await expect.poll(() => b.page.getByTestId('chat-badge').count()).toBe(0);
    await expect.poll(() => row.getByTestId('conversation-unread').count()).toBe(0);
    await row.click();
    await expect.poll(() => texts(b.page)).toEqual(['Hello Zoë, the beans are in.']);
    const reply = b.page.getByRole('textbox', { name: 'Message à Olivia Owner' });
    await reply.pressSequentially('Super, j’arrive');
    await expect.poll(() => a.page.getByTestId('typing').textContent()).toBe('Zoë Zimmermann is typing…');
    await check(a.page, 'chat-conversation-typing-seen-1440-en', WIDE.width);
    await reply.press('Enter');
    await expect.poll(() => texts(a.page)).toEqual(['Hello Zoë, the beans are in.', 'Super, j’arrive']);
    // Her message arriving ends "typing" at once.
    await expect.poll(() => a.page.getByTestId('typing').textContent()).toBe('');
    await check(b.page, 'chat-conversation-360-fr', PHONE.width);

    // Zoë drops off the network while Olivia writes twice; back online she has both, once, in order.
    await b.ctx.setOffline(true);
    await expect.poll(() => b.page.getByTestId('connection-status').getAttribute('data-state')).toBe('offline');
    await box.fill('First while you were away');
    await box.press('Enter');
    await box.fill('Second while you were away');
    await box.press('Enter');
    const all = ['Hello Zoë, the beans are in.', 'Super, j’arrive', 'First while you were away', 'Second while you were away'];
    await expect.poll(() => texts(a.page)).toEqual(all);
    await expect.poll(() => a.page.locator('[data-testid="message"][data-status]').count()).toBe(0);
    expect(await texts(b.page)).toEqual(all.slice(0, 2));
    await b.ctx.setOffline(false);
    await connected(b.page);
    await expect.poll(() => texts(b.page)).toEqual(all);
    // The replayed events and the catch-up read overlap; still each message is shown once.
    await b.page.reload();
    await expect.poll(() => texts(b.page)).toEqual(all);

    // Olivia offline: her send fails visibly; back online, "Retry" delivers it once.
    await a.ctx.setOffline(true);
    await box.fill('Sent from the train');
    await box.press('Enter');
    const failed = a.page.locator('[data-testid="message"][data-status="failed"]');
    await failed.waitFor();
    await failed.getByText('Not sent.').waitFor();
    await check(a.page, 'chat-conversation-failed-1440-en', WIDE.width);
    await a.ctx.setOffline(false);
    await connected(a.page);
    await failed.getByRole('button', { name: 'Retry' }).click();
    const withRetry = [...all, 'Sent from the train'];
    await expect.poll(() => texts(a.page)).toEqual(withRetry);
    await expect.poll(() => a.page.locator('[data-testid="message"][data-status]').count()).toBe(0);
    await expect.poll(() => texts(b.page)).toEqual(withRetry);
    expect(await rows(b.page).count()).toBe(withRetry.length);

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('a named group: mention autocomplete, "Seen by", reply, reaction, edit, delete, people; a group\'s chat; a mention notification', async () => {
    const lukasz = await addPerson(t, acme, { name: 'Łukasz Wróbel' });
    const a = await signedIn(acme.owner, WIDE, 'en-GB');
    const b = await signedIn(zoe, PHONE, 'en-GB');
    await a.page.goto(company('/chat'));
    await a.page.getByRole('button', { name: 'New message' }).click();
    const dialog = a.page.getByRole('dialog');
    const to = dialog.getByRole('searchbox', { name: 'To' });
    await to.fill('Zo');
    await dialog.getByRole('button', { name: /Zoë Zimmermann/ }).click();
    await to.fill('Łuk');
    await dialog.getByRole('button', { name: /Łukasz Wróbel/ }).click();
    await dialog.getByRole('textbox', { name: 'Group name (optional)' }).fill('Roasters');
    await check(a.page, 'chat-new-group-1440-en', WIDE.width, true);
    await dialog.getByRole('button', { name: 'Start' }).click();
    await a.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const conversationId = new URL(a.page.url()).pathname.split('/').pop() ?? '';
    await a.page.getByRole('heading', { level: 2, name: 'Roasters' }).waitFor();

    // "@Zo" offers the conversation's people; Enter picks.
    const box = a.page.getByRole('textbox', { name: 'Message to Roasters' });
    await box.pressSequentially('@Zo');
    await a.page.getByRole('option', { name: /Zoë Zimmermann/ }).waitFor();
    await check(a.page, 'chat-mention-1440-en', WIDE.width);
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe(`@[Zoë Zimmermann](person:${zoe.personId}) `);
    await box.pressSequentially('please taste this');
    await box.press('Enter');
    const mine = a.page.getByTestId('message').filter({ hasText: 'please taste this' }).first();
    await mine.getByRole('link', { name: /Zoë Zimmermann/ }).waitFor();

    // Zoë reads it: "Seen by Zoë Zimmermann" under it for Olivia.
    await b.page.goto(company(`/chat/${conversationId}`));
    await b.page.getByTestId('message').filter({ hasText: 'please taste this' }).waitFor();
    await expect.poll(() => mine.getByTestId('seen').textContent()).toBe('Seen by Zoë Zimmermann');

    // Zoë replies to it, quoting it.
    const hers = b.page.getByTestId('message').filter({ hasText: 'please taste this' }).first();
    await hers.getByRole('button', { name: 'Message actions' }).click();
    await b.page.getByRole('menuitem', { name: 'Reply' }).click();
    await b.page.getByText('Replying to Olivia Owner').waitFor();
    const replyBox = b.page.getByRole('textbox', { name: 'Message to Roasters' });
    await replyBox.fill('On it');
    await replyBox.press('Enter');
    const reply = a.page.getByTestId('message').filter({ hasText: 'On it' });
    await reply.locator('blockquote').filter({ hasText: 'Olivia Owner' }).waitFor();

    // Olivia loves the reply; both see the reaction.
    await reply.getByRole('button', { name: 'Message actions' }).click();
    await a.page.getByRole('menuitemcheckbox', { name: 'Love' }).click();
    await reply.getByRole('button', { name: 'Love: 1 person' }).waitFor();
    await b.page.getByTestId('message').filter({ hasText: 'On it' }).getByRole('button', { name: 'Love: 1 person' }).waitFor();

    // She edits her message (marked edited for Zoë), then deletes it (a tombstone for Zoë).
    await mine.getByRole('button', { name: 'Message actions' }).click();
    await a.page.getByRole('menuitem', { name: 'Edit' }).click();
    const editBox = a.page.getByRole('textbox', { name: 'Edit your message' });
    await editBox.fill('please taste this today');
    await a.page.getByRole('button', { name: 'Save' }).click();
    const edited = b.page.getByTestId('message').filter({ hasText: 'please taste this today' }).first();
    await edited.getByText('edited').waitFor();
    await check(b.page, 'chat-group-360-en', PHONE.width);
    await a.page
      .getByTestId('message')
      .filter({ hasText: 'please taste this today' })
      .first()
      .getByRole('button', { name: 'Message actions' })
      .click();
    await a.page.getByRole('menuitem', { name: 'Delete' }).click();
    await a.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await b.page.getByText('This message was deleted').first().waitFor();
    await expect.poll(() => b.page.getByTestId('message').filter({ hasText: 'please taste this' }).count()).toBe(0);

    // A photo and a file: uploaded when chosen, then sent with the message; Zoë sees the photo and a download link.
    const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#8a5a2b' } })
      .png()
      .toBuffer();
    const files = a.page.locator('input[type="file"]');
    await files.setInputFiles({ name: 'beans.png', mimeType: 'image/png', buffer: png });
    await a.page.getByRole('button', { name: 'Remove beans.webp' }).waitFor();
    await files.setInputFiles({ name: 'prices.txt', mimeType: 'text/plain', buffer: Buffer.from('Huila 12.40') });
    await a.page.getByRole('button', { name: 'Remove prices.txt' }).waitFor();
    await box.fill('Photo and prices');
    await box.press('Enter');
    const withFiles = b.page.getByTestId('message').filter({ hasText: 'Photo and prices' });
    await withFiles.getByRole('img', { name: 'Photo: beans.webp' }).waitFor();
    await withFiles.getByRole('link', { name: /prices\.txt/ }).waitFor();

    // The people: three, Łukasz among them.
    await a.page.getByRole('button', { name: 'Conversation options' }).click();
    await a.page.getByRole('menuitem', { name: 'People' }).click();
    const people = a.page.getByRole('dialog');
    await people.getByText('Łukasz Wróbel').waitFor();
    await check(a.page, 'chat-people-1440-en', WIDE.width, true);
    await people.getByRole('button', { name: 'Close' }).click();

    // Zoë was mentioned: her notification leads to the conversation.
    await b.page.goto(company('/notifications'));
    await b.page.getByText('Olivia Owner mentioned you in a conversation').click();
    await b.page.waitForURL(new RegExp(`/chat/${conversationId}$`));

    // A group's chat opens from the group's page.
    const group = await acme.owner.post('/api/v1/groups', { name: 'Green coffee', visibility: 'open' });
    await a.page.goto(company(`/groups/${group.body.id as string}`));
    await a.page.getByRole('button', { name: 'Chat', exact: true }).click();
    await a.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await a.page.getByRole('heading', { level: 2, name: 'Green coffee' }).waitFor();
    expect(lukasz.personId).toBeTruthy();

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('reads history upward, page by page, keeping the order and the place', async () => {
    const ines = await addPerson(t, acme, { name: 'Inès Ortega' });
    const created = await acme.owner.post('/api/v1/conversations', { kind: 'direct', personId: ines.personId });
    const id = created.body.id as string;
    for (let i = 1; i <= 60; i++) {
      const sent = await acme.owner.post(`/api/v1/conversations/${id}/messages`, { clientKey: `history-${i}-0000`, body: `Note ${i}` });
      expect(sent.status).toBe(201);
    }
    const { ctx, page, errors } = await signedIn(ines, PHONE, 'en-GB');
    await page.goto(company(`/chat/${id}`));
    await expect.poll(() => texts(page)).toEqual(Array.from({ length: 50 }, (_, i) => `Note ${i + 11}`));
    // Scrolling to the top reads the page before ("Load earlier messages" does the same by keyboard).
    await page.getByRole('button', { name: 'Load earlier messages' }).waitFor();
    const log = page.getByRole('log');
    await log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect.poll(() => texts(page)).toEqual(Array.from({ length: 60 }, (_, i) => `Note ${i + 1}`));
    // The reader stays where they were (on "Note 11"), not thrown to the top of the older page.
    await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    await expect.poll(() => page.getByRole('button', { name: 'Load earlier messages' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('shares a group post into a direct conversation: the other person sees its card there', async () => {
    const mira = await addPerson(t, acme, { name: 'Mira Patel' });
    const group = await acme.owner.post('/api/v1/groups', { name: 'Tasting notes', visibility: 'open' });
    const made = await acme.owner.post('/api/v1/posts', {
      groupId: group.body.id as string,
      body: 'The **Huila** lot tastes of red apple.',
    });
    expect(made.status).toBe(201);
    const direct = await acme.owner.post('/api/v1/conversations', { kind: 'direct', personId: mira.personId });
    const conversationId = direct.body.id as string;

    // Mira has the conversation open, so the card arrives live.
    const b = await signedIn(mira, WIDE, 'en-GB');
    await b.page.goto(company(`/chat/${conversationId}`));
    await b.page.getByText('No messages yet. Say hello!').waitFor();
    await connected(b.page);

    const a = await signedIn(acme.owner, PHONE, 'en-GB');
    await a.page.goto(company(`/posts/${made.body.id as string}`));
    const post = a.page.getByTestId('post').filter({ hasText: 'red apple' });
    await post.getByRole('button', { name: 'Send in chat' }).waitFor();
    await check(a.page, 'chat-share-post-page-360-en', PHONE.width);
    await post.getByRole('button', { name: 'Send in chat' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Send in chat' });
    await dialog.getByRole('searchbox', { name: 'Search conversations' }).fill('Mira');
    await dialog.getByRole('button', { name: 'Mira Patel' }).click();
    await dialog.getByRole('textbox', { name: 'Message (optional)' }).fill('Try this one');
    await check(a.page, 'chat-share-post-360-en', PHONE.width, true);
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Post sent to Mira Patel.');
    await check(a.page, 'chat-share-post-sent-360-en', PHONE.width, true);

    const card = b.page
      .getByTestId('message')
      .filter({ hasText: 'Try this one' })
      .getByRole('link', { name: /Post in Tasting notes/ });
    await expect.poll(() => card.textContent()).toContain('The Huila lot tastes of red apple.');

    // "Open conversation" leads there, with the card for Olivia too.
    await dialog.getByRole('link', { name: 'Open conversation' }).click();
    await a.page.waitForURL(new RegExp(`/chat/${conversationId}$`));
    await a.page
      .getByTestId('message')
      .getByRole('link', { name: /red apple/ })
      .waitFor();

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });

  for (const [vp, lang] of [
    [PHONE, 'en-GB'],
    [WIDE, 'fr-FR'],
  ] as const) {
    it(`the list and a conversation at ${vp.width} px in ${lang}`, async () => {
      const page = await signedIn(zoe, vp, lang);
      await page.page.goto(company('/chat'));
      const row = page.page.getByTestId('conversation').first();
      await row.waitFor();
      await check(page.page, `chat-list-${vp.width}-${lang}`, vp.width);
      await row.click();
      await page.page.getByTestId('message').first().waitFor();
      await check(page.page, `chat-conversation-${vp.width}-${lang}`, vp.width);
      expect(page.errors).toEqual([]);
      await page.ctx.close();
    });
  }
});
