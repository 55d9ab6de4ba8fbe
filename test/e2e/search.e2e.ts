import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { direct, send } from '../support/conversations.js';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot, signedInPage } from './browser.js';

const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1440, height: 900 };

/** The search page in a real browser: accents, marks, kinds, and where a result leads. */
describe('search in the browser', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = (c: Client, viewport: typeof PHONE, locale: string) =>
    signedInPage(browser, c.cookie ?? '', `${acme.slug}.localhost`, viewport, locale);
  const address = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;

  async function check(page: Page, label: string, width: number): Promise<void> {
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  it('finds a post and a chat message without typing accents, marks the words, filters by kind, and leads to the chat', async () => {
    const posted = await acme.owner.post('/api/v1/posts', { body: "L'Équipe de Müller livre le café à Ørsted demain matin." });
    expect(posted.status).toBe(201);
    const chat = await direct(acme.owner, zoe);
    await send(acme.owner, chat, 'Le café de l’équipe est prêt');

    const b = await open(zoe, PHONE, 'fr-FR');
    await b.page.goto(address('/'));
    await b.page.getByRole('link', { name: 'Rechercher' }).click();
    await b.page.getByText('Cherchez dans les publications, commentaires, discussions, groupes et fichiers').waitFor();
    await check(b.page, 'search-start-360-fr', PHONE.width);

    await b.page.getByRole('searchbox', { name: 'Rechercher' }).fill('equipe cafe');
    const results = b.page.getByTestId('search-result');
    await expect.poll(() => results.count()).toBe(2);
    const marked = await b.page.locator('.search-result__snippet mark').allTextContents();
    expect(new Set(marked)).toEqual(new Set(['Équipe', 'équipe', 'café']));
    await check(b.page, 'search-results-360-fr', PHONE.width);
    expect(new URL(b.page.url()).searchParams.get('q')).toBe('equipe cafe');

    await b.page.getByRole('button', { name: 'Discussions' }).click();
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.first().getAttribute('data-kind')).toBe('message');
    await results.first().getByRole('link').click();
    await b.page.waitForURL((u) => u.pathname === `/chat/${chat}`);
    expect(b.errors).toEqual([]);
    await b.ctx.close();

    const a = await open(acme.owner, WIDE, 'en-GB');
    await a.page.goto(address('/search?q=orsted'));
    await expect.poll(() => a.page.getByTestId('search-result').count()).toBe(1);
    await check(a.page, 'search-results-1440-en', WIDE.width);
    // People (and groups) by the start of their names, accents folded.
    await a.page.getByRole('searchbox', { name: 'Search for' }).fill('zoe');
    await a.page.getByTestId('suggestion').filter({ hasText: 'Zoë Zimmermann' }).waitFor();
    await check(a.page, 'search-suggestions-1440-en', WIDE.width);
    await a.page.getByRole('searchbox', { name: 'Search for' }).fill('zeppelin');
    await a.page.getByText('Nothing found for “zeppelin”').waitFor();
    expect(a.errors).toEqual([]);
    await a.ctx.close();
  });

  it('searches from the top bar with the keyboard: people and groups as one types, Enter for everything; filters by person and time', async () => {
    await send(zoe, await direct(acme.owner, zoe), 'Kookaburra sighting by the lake');
    await acme.owner.post('/api/v1/posts', { body: 'Kookaburra photos from the owner' });
    const a = await open(acme.owner, WIDE, 'en-GB');
    await a.page.goto(address('/'));
    const box = a.page.getByRole('combobox', { name: 'Search', exact: true });
    await box.fill('zim');
    const choices = a.page.getByTestId('searchbox-choice');
    await choices.filter({ hasText: 'Zoë Zimmermann' }).waitFor();
    await check(a.page, 'searchbox-typeahead-1440-en', WIDE.width);
    // The first choice searches everything; the arrow key moves to the person, Enter opens them.
    await box.press('ArrowDown');
    expect(await a.page.locator('.searchbox__item--active').textContent()).toContain('Zoë Zimmermann');
    await box.press('Enter');
    await a.page.waitForURL((u) => u.pathname === `/people/${zoe.personId}`);

    await box.fill('kookaburra');
    await choices.first().waitFor();
    await box.press('Enter');
    await a.page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'kookaburra');
    const results = a.page.getByTestId('search-result');
    await expect.poll(() => results.count(), { message: 'both kookaburras, from the top bar' }).toBe(2);

    // From: Zoë, picked by name with the keyboard; then the past week still holds her message.
    const from = a.page.getByRole('combobox', { name: 'From' });
    await from.fill('zoe');
    await a.page.getByRole('option', { name: 'Zoë Zimmermann' }).waitFor();
    await from.press('ArrowDown');
    await from.press('Enter');
    await a.page.getByTestId('author-filter').filter({ hasText: 'Zoë Zimmermann' }).waitFor();
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.first().getAttribute('data-kind')).toBe('message');
    expect(new URL(a.page.url()).searchParams.get('author')).toBe(zoe.personId);
    await a.page.getByRole('combobox', { name: 'When' }).selectOption('week');
    await expect.poll(() => new URL(a.page.url()).searchParams.get('when')).toBe('week');
    await expect.poll(() => results.count()).toBe(1);
    await check(a.page, 'search-filters-1440-en', WIDE.width);
    await a.page.getByRole('button', { name: 'Show results from anyone, not only Zoë Zimmermann' }).click();
    await expect.poll(() => results.count(), { message: 'both again, from anyone' }).toBe(2);
    expect(a.errors).toEqual([]);
    await a.ctx.close();

    const b = await open(zoe, PHONE, 'fr-FR');
    await b.page.goto(address('/search?q=kookaburra'));
    await expect.poll(() => b.page.getByTestId('search-result').count(), { message: 'both, for Zoë on a phone' }).toBe(2);
    await check(b.page, 'search-filters-360-fr', PHONE.width);
    await b.ctx.close();
  });
});
