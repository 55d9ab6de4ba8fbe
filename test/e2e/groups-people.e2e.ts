import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot } from './browser.js';

const VIEWPORTS = [
  { name: '360', width: 360, height: 740 },
  { name: '1280', width: 1280, height: 800 },
] as const;

/**
 * Groups, the directory, profiles and the org chart, driven through the UI in Chromium: each
 * screen is axe-clean, has one h1, does not scroll sideways, and is saved as a screenshot.
 */
describe('groups and people in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  let ownerId = '';
  let mullerId = '';
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    ownerId = (await acme.owner.get('/api/v1/auth/session')).body.person.id as string;
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
    const muller = await addPerson(t, acme, { name: 'Jürgen Müller' });
    mullerId = muller.personId;
    await acme.owner.patch('/api/v1/me', { title: 'Chief executive', department: 'Direction' });
    // Olivia (owner) → Zoë → Jürgen: a chain of two managers above Jürgen.
    await acme.owner.patch(`/api/v1/admin/people/${zoe.personId}/profile`, {
      managerId: ownerId,
      title: 'Head of roasting',
      department: 'Roastery',
      location: 'Lyon',
    });
    await acme.owner.patch(`/api/v1/admin/people/${mullerId}/profile`, {
      managerId: zoe.personId,
      title: 'Roaster',
      department: 'Roastery',
      location: 'Köln',
      skills: ['Espresso', 'Latte art'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const company = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;

  async function signedIn(
    client: Client,
    vp: (typeof VIEWPORTS)[number],
    locale = 'en-GB',
  ): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const ctx = await browser.newContext({ viewport: vp, locale });
    const [name, value] = (client.cookie ?? '').split('=') as [string, string];
    await ctx.addCookies([{ name, value, domain: `${acme.slug}.localhost`, path: '/' }]);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    return { ctx, page, errors };
  }

  async function check(page: Page, label: string, width: number): Promise<void> {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  it('creates a closed group; a colleague asks to join, the admin approves, both see each other', async () => {
    const vp = VIEWPORTS[1];
    const admin = await signedIn(acme.owner, vp);
    await admin.page.goto(company('/groups'));
    await check(admin.page, 'groups-empty-1280-en', vp.width);
    await admin.page.getByRole('button', { name: 'Create group' }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Roasting nerds');
    await dialog.getByLabel('Purpose').fill('Beans, curves and cuppings.');
    await dialog.getByRole('radio', { name: /Closed/ }).check();
    // The page behind a modal dialog is hidden from assistive technology: check the dialog alone.
    expect(await axeViolations(admin.page)).toEqual([]);
    await screenshot(admin.page, 'groups-create-1280-en');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Roasting nerds' }).waitFor();
    const groupUrl = admin.page.url();
    await check(admin.page, 'group-about-1280-en', vp.width);

    const member = await signedIn(zoe, VIEWPORTS[0], 'fr-FR');
    await member.page.goto(company('/groups'));
    await member.page.getByRole('link', { name: 'Roasting nerds' }).waitFor();
    await check(member.page, 'groups-360-fr', 360);
    await member.page.getByRole('link', { name: 'Roasting nerds' }).click();
    await member.page.getByRole('button', { name: 'Demander à rejoindre' }).click();
    await member.page.getByRole('button', { name: 'Annuler la demande' }).waitFor();
    await check(member.page, 'group-pending-360-fr', 360);

    await admin.page.goto(`${groupUrl}/requests`);
    await admin.page.getByTestId('request-row').filter({ hasText: 'Zoë Zimmermann' }).waitFor();
    await check(admin.page, 'group-requests-1280-en', vp.width);
    await admin.page.getByRole('button', { name: 'Approve the request of Zoë Zimmermann' }).click();
    await admin.page.getByText('No one is waiting to join.').waitFor();
    await admin.page.goto(`${groupUrl}/members`);
    await admin.page.getByTestId('member-row').filter({ hasText: 'Zoë Zimmermann' }).waitFor();
    await check(admin.page, 'group-members-1280-en', vp.width);
    await admin.page.goto(`${groupUrl}/settings`);
    await check(admin.page, 'group-settings-1280-en', vp.width);
    // A cover picture: chosen, previewed, saved; then the group shows it to its new member too.
    const cover = await sharp({ create: { width: 1200, height: 400, channels: 3, background: '#2b6a8a' } })
      .png()
      .toBuffer();
    await admin.page.getByText('No cover picture yet.').waitFor();
    await admin.page.getByLabel('Choose a picture').setInputFiles({ name: 'roastery.png', mimeType: 'image/png', buffer: cover });
    await admin.page.getByRole('button', { name: 'Save the picture' }).click();
    await admin.page.getByText('Cover picture saved.').waitFor();
    await check(admin.page, 'group-settings-cover-1280-en', vp.width);

    // Live: the member's page learns of the approval without a reload.
    await member.page.getByRole('button', { name: 'Quitter le groupe' }).waitFor();
    await member.page.getByRole('link', { name: 'Membres' }).click();
    await member.page.getByTestId('member-row').filter({ hasText: 'Olivia Owner' }).waitFor();
    await check(member.page, 'group-members-360-fr', 360);
    await member.page.reload();
    await expect.poll(() => member.page.locator('img.group-cover').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1800);
    await check(member.page, 'group-cover-360-fr', 360);
    expect([...admin.errors, ...member.errors]).toEqual([]);
    await admin.ctx.close();
    await member.ctx.close();
  });

  for (const vp of VIEWPORTS) {
    it(`finds "Müller" with "muller", shows the manager chain and follows, at ${vp.name} px`, async () => {
      const { ctx, page, errors } = await signedIn(acme.owner, vp);
      await page.goto(company('/people'));
      await page.getByTestId('directory-card').first().waitFor();
      await check(page, `directory-${vp.name}-en`, vp.width);
      await page.getByLabel('Search people').fill('muller');
      await expect.poll(() => page.getByTestId('directory-card').count()).toBe(1);
      await page.getByRole('link', { name: 'Jürgen Müller' }).click();
      await page.getByRole('heading', { level: 1, name: 'Jürgen Müller' }).waitFor();
      const chain = page.getByTestId('manager-chain');
      await expect.poll(() => chain.getByRole('link').allTextContents()).toEqual(['Olivia Owner', 'Zoë Zimmermann']);
      await check(page, `profile-${vp.name}-en`, vp.width);

      const follow = page.getByTestId('follow-button');
      await follow.click();
      await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('button', { name: '1 follower' }).waitFor();
      await follow.click();
      await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('false');
      await page.getByRole('button', { name: '0 followers' }).waitFor();

      await page.goto(company(`/people/${ownerId}`));
      await page.getByTestId('direct-reports').getByRole('link', { name: 'Zoë Zimmermann' }).waitFor();
      await page.getByRole('link', { name: 'Edit profile' }).waitFor();
      await check(page, `my-profile-${vp.name}-en`, vp.width);
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }
});
