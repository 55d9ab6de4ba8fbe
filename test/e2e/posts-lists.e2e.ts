import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot } from './browser.js';

const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1440, height: 900 };

/**
 * The people behind the counts, in Chromium: who has seen an announcement (its author only), who
 * voted, who answered an event; the groups on a profile; a member's notification level; a poll's
 * closing time. Every screen is axe-clean (dialogs open), does not scroll sideways, and is saved.
 */
describe('lists of people behind posts, profile groups and notification levels in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  let ben: Client & { personId: string };
  let ana: Client & { personId: string };
  let groupId = '';
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
    ben = await addPerson(t, acme, { name: 'Ben Baker' });
    ana = await addPerson(t, acme, { name: 'Ana Alone' });
    const group = await acme.owner.post('/api/v1/groups', { name: 'Roasting nerds', visibility: 'open' });
    groupId = group.body.id as string;
    for (const member of [zoe, ben]) expect((await member.post(`/api/v1/groups/${groupId}/join`)).status).toBe(200);
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
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  async function createPost(body: Record<string, unknown>): Promise<{ id: string; poll?: { options: Array<{ id: string }> } }> {
    const res = await acme.owner.post('/api/v1/posts', { groupId, ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; poll?: { options: Array<{ id: string }> } };
  }

  it('the author sees who has and has not seen an announcement; a member sees only the count', async () => {
    const post = await createPost({ body: 'The roaster is serviced on Monday.', important: true });
    expect((await zoe.put(`/api/v1/posts/${post.id}/seen`)).status).toBe(200);

    const { ctx, page, errors } = await signedIn(acme.owner, WIDE);
    await page.goto(company(`/groups/${groupId}`));
    const card = page.getByTestId('post').filter({ hasText: 'The roaster is serviced' });
    await card.getByRole('button', { name: 'Seen by 1 of 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Who has seen it' });
    const seen = dialog.getByRole('tab', { name: 'Seen (1)' });
    await expect.poll(() => seen.getAttribute('aria-selected')).toBe('true');
    await dialog.getByRole('tabpanel').getByRole('link', { name: 'Zoë Zimmermann' }).waitFor();
    expect(await dialog.getByRole('link', { name: 'Ben Baker' }).count()).toBe(0);
    await check(page, 'announcement-seen-by-1440-en', WIDE.width);
    // The tabs follow the keyboard: the arrow key moves to "Not seen yet" and shows its list.
    await seen.focus();
    await page.keyboard.press('ArrowRight');
    const unseen = dialog.getByRole('tab', { name: 'Not seen yet (1)' });
    await expect.poll(() => unseen.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => unseen.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('link', { name: 'Ben Baker' }).waitFor();
    await check(page, 'announcement-not-seen-1440-en', WIDE.width);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();

    // A member sees the count but no list (the server would answer 403).
    const member = await signedIn(ben, PHONE, 'fr-FR');
    await member.page.goto(company(`/groups/${groupId}`));
    const theirs = member.page.getByTestId('post').filter({ hasText: 'The roaster is serviced' });
    await theirs.getByText('Vue par 1 sur 2').waitFor();
    expect(await theirs.getByRole('button', { name: 'Vue par 1 sur 2' }).count()).toBe(0);
    await member.ctx.close();
  });

  it('lists who voted, by option, and who answered an event, by answer', async () => {
    const closesAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const poll = await createPost({ body: 'Which origin next month?', poll: { options: ['Ethiopia', 'Colombia'], closesAt } });
    const [ethiopia, colombia] = poll.poll?.options ?? [];
    expect((await zoe.put(`/api/v1/posts/${poll.id}/votes`, { optionIds: [colombia?.id] })).status).toBe(200);
    expect((await ben.put(`/api/v1/posts/${poll.id}/votes`, { optionIds: [ethiopia?.id] })).status).toBe(200);
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const event = await createPost({ body: 'Cupping on Friday.', event: { title: 'Cupping', startsAt } });
    expect((await zoe.put(`/api/v1/posts/${event.id}/rsvp`, { answer: 'going' })).status).toBe(200);
    expect((await ben.put(`/api/v1/posts/${event.id}/rsvp`, { answer: 'maybe' })).status).toBe(200);

    const { ctx, page, errors } = await signedIn(zoe, PHONE, 'fr-FR');
    await page.goto(company(`/groups/${groupId}`));
    const pollCard = page.getByTestId('post').filter({ hasText: 'Which origin next month?' });
    await pollCard.getByText(/se termine le/).waitFor();
    await pollCard.getByRole('button', { name: '2 personnes ont voté' }).click();
    const voters = page.getByRole('dialog', { name: 'Qui a voté' });
    await voters.getByRole('link', { name: 'Ben Baker' }).waitFor();
    await voters.getByRole('link', { name: 'Zoë Zimmermann' }).waitFor();
    await check(page, 'poll-voters-360-fr', PHONE.width);
    await voters.getByRole('tab', { name: 'Colombia (1)' }).click();
    await expect.poll(() => voters.getByRole('link', { name: 'Ben Baker' }).count()).toBe(0);
    await voters.getByRole('link', { name: 'Zoë Zimmermann' }).waitFor();
    await voters.getByRole('button', { name: 'Fermer' }).click();

    const eventCard = page.getByTestId('post').filter({ hasText: 'Cupping on Friday.' });
    await eventCard.getByRole('button', { name: '1 participent · 1 peut-être · 0 ne viennent pas' }).click();
    const answers = page.getByRole('dialog', { name: 'Qui a répondu' });
    await answers.getByRole('link', { name: 'Zoë Zimmermann' }).waitFor();
    await answers.getByRole('tab', { name: 'Peut-être (1)' }).click();
    await answers.getByRole('link', { name: 'Ben Baker' }).waitFor();
    expect(await answers.getByRole('link', { name: 'Zoë Zimmermann' }).count()).toBe(0);
    await check(page, 'event-answers-360-fr', PHONE.width);
    await answers.getByRole('tab', { name: 'Je ne viens pas (0)' }).click();
    await answers.getByText('Personne n’a encore donné cette réponse.').waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  // Everyone belongs to the company-wide group, so the empty state ("not a member of any group you can see") is not reached here.
  it('a profile lists the person’s groups, each a link to the group', async () => {
    const { ctx, page, errors } = await signedIn(ana, WIDE);
    await page.goto(company(`/people/${zoe.personId}`));
    const section = page.getByRole('region', { name: 'Groups' });
    await section.getByRole('link', { name: 'Roasting nerds' }).waitFor();
    await check(page, 'profile-groups-1440-en', WIDE.width);
    await section.getByRole('link', { name: 'Roasting nerds' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roasting nerds' }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();

    const phone = await signedIn(ben, PHONE, 'fr-FR');
    await phone.page.goto(company(`/people/${zoe.personId}`));
    await phone.page.getByRole('region', { name: 'Groupes' }).getByRole('link', { name: 'Roasting nerds' }).waitFor();
    await check(phone.page, 'profile-groups-360-fr', PHONE.width);
    await phone.ctx.close();
  });

  it('a member chooses how much of the group they hear about', async () => {
    const { ctx, page, errors } = await signedIn(zoe, PHONE);
    await page.goto(company(`/groups/${groupId}`));
    const levels = page.getByRole('group', { name: 'Notify me about' });
    const highlights = levels.getByRole('radio', { name: 'Highlights' });
    await expect.poll(() => highlights.isChecked()).toBe(true);
    await check(page, 'group-notify-level-360-en', PHONE.width);
    // Native radios: the arrow key moves the choice, and the choice is saved at once.
    await highlights.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => levels.getByRole('radio', { name: 'Nothing' }).isChecked()).toBe(true);
    await expect.poll(async () => (await zoe.get(`/api/v1/groups/${groupId}`)).body.membership?.notify).toBe('off');
    await levels.getByRole('radio', { name: 'All posts' }).check();
    await expect.poll(async () => (await zoe.get(`/api/v1/groups/${groupId}`)).body.membership?.notify).toBe('all');
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: 'All posts' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a poll written in the composer closes when its author says', async () => {
    const { ctx, page, errors } = await signedIn(acme.owner, WIDE);
    await page.goto(company(`/groups/${groupId}`));
    await page.getByRole('button', { name: 'Add a poll' }).click();
    await page.getByRole('textbox', { name: 'Option 1' }).fill('Darker');
    await page.getByRole('textbox', { name: 'Option 2' }).fill('Lighter');
    await page.getByLabel('Voting closes (optional)').fill('2099-06-01T17:30');
    await page.getByRole('textbox', { name: 'Write a post in Roasting nerds' }).fill('How should we roast the Huila?');
    await check(page, 'composer-poll-closes-1440-en', WIDE.width);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const card = page.getByTestId('post').filter({ hasText: 'How should we roast the Huila?' });
    await card.getByText(/closes .*2099/).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
