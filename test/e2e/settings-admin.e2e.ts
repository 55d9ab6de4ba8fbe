import type { Browser, BrowserContext, Page } from 'playwright-core';
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
 * Profile settings and the admin screens for profiles, driven through the UI in Chromium: skills
 * and company fields end up on the profile page; an admin defines a field and sets a manager.
 */
describe('profile settings and profile administration in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
    await acme.owner.post('/api/v1/admin/profile-fields', { label: 'Team', kind: 'text', visibleTo: 'everyone' });
    await acme.owner.post('/api/v1/groups', { name: 'Secret roasting', visibility: 'secret' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const company = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;

  async function signedIn(client: Client, vp: (typeof VIEWPORTS)[number]): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const ctx = await browser.newContext({ viewport: vp, locale: 'en-GB' });
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

  it('a person adds skills and a company field value and sees them on their profile (360 px)', async () => {
    const vp = VIEWPORTS[0];
    const { ctx, page, errors } = await signedIn(zoe, vp);
    await page.goto(company('/profile'));
    await page.getByRole('textbox', { name: 'Location', exact: true }).fill('Lyon');
    await page.getByRole('textbox', { name: 'About', exact: true }).fill('I roast beans and taste them.');
    const skill = page.getByLabel('New skill');
    await skill.fill('Espresso');
    await skill.press('Enter');
    await skill.fill('Latte art');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await skill.fill('espresso');
    await skill.press('Enter');
    await page.getByText('“espresso” is already in your list.').waitFor();
    await expect.poll(() => page.getByTestId('skills').getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Remove skill Latte art' }).waitFor();
    await check(page, 'settings-skills-360-en', vp.width);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your profile is saved.').waitFor();

    await page.getByRole('textbox', { name: 'Team', exact: true }).fill('Roastery');
    await page.getByRole('button', { name: 'Save company fields' }).click();
    await page.getByText('Company fields saved.').waitFor();
    await check(page, 'settings-saved-360-en', vp.width);

    await page.getByRole('link', { name: 'See my profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoë Zimmermann' }).waitFor();
    await page.getByText('Roastery').waitFor();
    await page.getByText('I roast beans and taste them.').waitFor();
    expect(await page.getByRole('list', { name: 'Skills' }).getByRole('listitem').allTextContents()).toEqual(['Espresso', 'Latte art']);
    await check(page, 'settings-profile-360-en', vp.width);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an admin creates a field, sees every group, sets a manager and sees the org chart (1280 px)', async () => {
    const vp = VIEWPORTS[1];
    const { ctx, page, errors } = await signedIn(acme.owner, vp);
    await page.goto(company('/admin/profile-fields'));
    await page.getByTestId('field-row').filter({ hasText: 'Team' }).waitFor();
    await page.getByLabel('Label').fill('Start date');
    await page.getByLabel('Kind').selectOption('date');
    await page.getByRole('button', { name: 'Add field' }).click();
    await page.getByTestId('field-row').filter({ hasText: 'Start date' }).waitFor();
    await page.getByRole('button', { name: 'Move Start date up' }).click();
    await expect.poll(() => page.getByTestId('field-row').first().textContent()).toContain('Start date');
    await check(page, 'admin-fields-1280-en', vp.width);
    await page.getByRole('button', { name: 'Delete Team' }).click();
    await page.getByRole('alertdialog').getByText('Everyone’s values for this field are deleted too').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-fields-delete-1280-en');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

    await page.goto(company('/admin/groups'));
    await page.getByTestId('admin-group-row').filter({ hasText: 'Secret roasting' }).waitFor();
    await check(page, 'admin-groups-1280-en', vp.width);

    await page.goto(company('/admin/people'));
    await page.getByRole('button', { name: 'Edit profile of Zoë Zimmermann' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Find a manager').fill('Olivia');
    await dialog.getByRole('button', { name: /Olivia Owner/ }).click();
    await expect.poll(() => dialog.getByTestId('chosen-manager').textContent()).toContain('Olivia Owner');
    await dialog.getByLabel('Employee ID').fill('E-042');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-edit-profile-1280-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Profile saved.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    await page.goto(company(`/people/${zoe.personId}`));
    await page.getByRole('heading', { level: 1, name: 'Zoë Zimmermann' }).waitFor();
    await expect.poll(() => page.getByTestId('manager-chain').getByRole('link').allTextContents()).toEqual(['Olivia Owner']);
    await check(page, 'admin-orgchart-1280-en', vp.width);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
