import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { uniqueSlug } from '../support/factories.js';
import { axeViolations, launchChromium, screenshot } from './browser.js';

/**
 * A company signs up in one browser at laptop size, invites a colleague by link, the colleague
 * joins on a phone-sized screen in another browser, and both appear in the admin list.
 */
describe('onboarding in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs up, invites by link, the colleague joins, both are listed', async () => {
    const slug = uniqueSlug('e2e');
    const ownerCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const owner = await ownerCtx.newPage();
    const problems: string[] = [];
    owner.on('pageerror', (e) => problems.push(String(e)));
    owner.on('console', (m) => m.type() === 'error' && problems.push(m.text()));

    await owner.goto(`http://localhost:${t.port}/`);
    await owner.getByLabel('Company name').fill('Zoë & Co');
    await owner.getByLabel('Company address').fill(slug);
    await owner.getByLabel('Your name').fill('Ana Ølsen');
    await owner.getByLabel('E-mail').fill(`ana@${slug}.test`);
    await owner.getByLabel('Password').fill('correct horse battery staple');
    expect(await axeViolations(owner)).toEqual([]);
    await screenshot(owner, 'signup-1280');
    await owner.getByRole('button', { name: 'Create company' }).click();
    await owner.waitForURL(`http://${slug}.localhost:${t.port}/**`);
    await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toContain('Ana');
    await expect.poll(() => owner.getByTestId('connection-status').getAttribute('data-state')).toBe('connected');
    expect(await axeViolations(owner)).toEqual([]);
    await screenshot(owner, 'home-1280');

    await owner.goto(`http://${slug}.localhost:${t.port}/admin/invitations`);
    await owner.getByRole('button', { name: 'Create invite link' }).click();
    const url = (await owner.getByTestId('invite-link-url').first().textContent({ timeout: 10_000 }))?.trim() ?? '';
    expect(url).toMatch(new RegExp(`^http://${slug}\\.localhost:${t.port}/join/`));
    expect(await axeViolations(owner)).toEqual([]);
    await screenshot(owner, 'admin-invitations-1280');

    const phoneCtx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', isMobile: true, hasTouch: true });
    const colleague = await phoneCtx.newPage();
    colleague.on('pageerror', (e) => problems.push(String(e)));
    await colleague.goto(url);
    await colleague.getByLabel(/nom/i).first().fill('Bruno Lefèvre');
    await colleague.getByLabel(/e-mail/i).fill(`bruno@${slug}.test`);
    await colleague.getByLabel(/mot de passe/i).fill('another long passphrase');
    expect(await axeViolations(colleague)).toEqual([]);
    await screenshot(colleague, 'join-360-fr');
    await colleague.getByRole('button', { name: /rejoindre/i }).click();
    await expect.poll(() => colleague.getByRole('heading', { level: 1 }).textContent()).toContain('Bruno');
    expect(await colleague.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(colleague)).toEqual([]);
    await screenshot(colleague, 'home-360-fr');

    await owner.goto(`http://${slug}.localhost:${t.port}/admin/people`);
    const rows = owner.getByTestId('person-row');
    await expect.poll(() => rows.count()).toBe(2);
    const names = await rows.allTextContents();
    expect(names.join(' ')).toContain('Ana Ølsen');
    expect(names.join(' ')).toContain('Bruno Lefèvre');
    expect(await axeViolations(owner)).toEqual([]);
    await screenshot(owner, 'admin-people-1280');

    await owner.setViewportSize({ width: 360, height: 740 });
    await screenshot(owner, 'admin-people-360');
    expect(problems).toEqual([]);
  });
});
