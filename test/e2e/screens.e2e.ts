import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot } from './browser.js';

const VIEWPORTS = [
  { name: '360', width: 360, height: 740 },
  { name: '1280', width: 1280, height: 800 },
] as const;
const LANGUAGES = ['en-GB', 'fr-FR'] as const;

/**
 * Every screen of the shell, at phone and laptop width, in English and French: it renders its
 * heading, has no axe-core (WCAG 2 A/AA) violation, does not scroll sideways, and is saved as a
 * screenshot artefact.
 */
describe('every screen in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let inviteToken = '';
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Société Générale des Cafés' });
    await addPerson(t, acme, { name: 'Zoë Zimmermann' });
    await addPerson(t, acme, { name: 'Łukasz Wróbel', role: 'admin' });
    const link = await acme.owner.post('/api/v1/admin/invite-links', { role: 'member', maxUses: 5 });
    inviteToken = new URL(link.body.url as string).pathname.split('/').pop() ?? '';
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const company = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;

  async function check(page: Page, label: string, width: number): Promise<void> {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  for (const lang of LANGUAGES) {
    for (const vp of VIEWPORTS) {
      it(`signed-out screens at ${vp.name} px in ${lang}`, async () => {
        const ctx = await browser.newContext({ viewport: vp, locale: lang });
        const page = await ctx.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        const screens: Array<[string, string]> = [
          ['signup', `http://localhost:${t.port}/`],
          ['find-company', `http://localhost:${t.port}/find-company`],
          ['unknown-company', `http://nobody-here.localhost:${t.port}/`],
          ['sign-in', company('/sign-in')],
          ['forgot-password', company('/forgot-password')],
          ['reset-password', company('/reset-password?token=not-a-real-token-000')],
          ['join', company(`/join/${inviteToken}`)],
        ];
        for (const [name, url] of screens) {
          await page.goto(url);
          await check(page, `${name}-${vp.name}-${lang}`, vp.width);
        }
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang.slice(0, 2));
        expect(errors).toEqual([]);
        await ctx.close();
      });

      it(`signed-in screens at ${vp.name} px in ${lang}`, async () => {
        const ctx = await browser.newContext({ viewport: vp, locale: lang });
        const [name, value] = (acme.owner.cookie ?? '').split('=') as [string, string];
        await ctx.addCookies([{ name, value, domain: `${acme.slug}.localhost`, path: '/' }]);
        const page = await ctx.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        for (const path of [
          '/',
          '/groups',
          '/people',
          '/profile',
          '/security',
          '/admin/people',
          '/admin/invitations',
          '/admin/groups',
          '/admin/profile-fields',
          '/admin/integrations',
          '/no-such-page',
        ]) {
          await page.goto(company(path));
          const label = `${path === '/' ? 'home' : path.slice(1).replace(/\//g, '-')}-${vp.name}-${lang}`;
          await check(page, label, vp.width);
        }
        await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state')).toBe('connected');
        expect(errors).toEqual([]);
        await ctx.close();
      });
    }
  }

  it('is installable: a manifest with icons and an active service worker that leaves the API to the network', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(company('/sign-in'));
    const manifestHref = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(manifestHref).toBeTruthy();
    // Fetched by the page itself: the browser resolves *.localhost, Node does not.
    const manifest = await page.evaluate(async (href) => (await fetch(href ?? '')).json(), manifestHref);
    expect(manifest).toMatchObject({ name: 'Commonplace', display: 'standalone', start_url: '/' });
    const sizes = (manifest.icons as Array<{ sizes: string }>).map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const iconStatuses = await page.evaluate(
      async (srcs) => Promise.all(srcs.map(async (src) => (await fetch(src)).status)),
      (manifest.icons as Array<{ src: string }>).map((i) => i.src),
    );
    expect(new Set(iconStatuses)).toEqual(new Set([200]));
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(company('/'));
    // The worker must never answer API calls from its cache.
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(session).toBe(401);
    await ctx.close();
  });
});
