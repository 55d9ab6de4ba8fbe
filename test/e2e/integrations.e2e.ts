import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpCompany, type Company } from '../support/factories.js';
import { tokenClient } from '../support/integrations.js';
import { png } from '../support/uploads.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { answerChallenge, startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { axeViolations, launchChromium, screenshot, signedInPage } from './browser.js';

const PHONE = { name: '360', width: 360, height: 740 } as const;
const DESKTOP = { name: '1440', width: 1440, height: 900 } as const;
type Viewport = typeof PHONE | typeof DESKTOP;

/**
 * The admin area for integrations, driven through the UI in Chromium at phone and desktop sizes:
 * an admin allows the local receiver's host, makes an integration with scopes, puts its bot in a
 * group, makes a token (shown once), adds a webhook (a refused address check is explained beside
 * the field), sees the delivery of a post in the group and sends it again; a webhook turned off
 * after repeated failures says so with the reason and is turned on again; the integration is
 * turned off and removed, each after a confirmation. Every screen passes axe and fits the width.
 */
describe('integrations admin in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  let receiver: Receiver;
  let groupId = '';
  beforeAll(async () => {
    // One attempt per delivery and off after two failures in a row, so the test need not wait for retries.
    t = await startTestServer({ dialect: 'sqlite', env: { WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_DISABLE_AFTER: '2' } });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Brasserie Étoile' });
    const group = await acme.owner.post('/api/v1/groups', { name: 'Kitchen news', visibility: 'open' });
    expect(group.status).toBe(201);
    groupId = group.body.id as string;
    await acme.owner.post('/api/v1/groups', { name: 'Secret menu', visibility: 'secret' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await browser?.close();
    await t?.close();
  });

  const company = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;
  const open = (vp: Viewport, locale = 'en-GB') => signedInPage(browser, acme.owner.cookie ?? '', `${acme.slug}.localhost`, vp, locale);

  async function check(page: Page, label: string, width: number): Promise<void> {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  /** The whole set-up through the UI; returns the integration's id and the webhook page's address. */
  async function setUp(page: Page, vp: Viewport, name: string, to: Receiver = receiver): Promise<{ id: string; webhookPath: string }> {
    await page.goto(company('/admin/integrations'));
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();

    // The company allows the receiver's host (127.0.0.1 is a loopback address).
    const hosts = page.getByLabel('Allowed hosts');
    await hosts.fill('bots_intranet!');
    await page.getByRole('button', { name: 'Save allowed hosts' }).click();
    await page.getByText('“bots_intranet!” is not a host name or an IP address.').waitFor();
    expect(await hosts.getAttribute('aria-invalid')).toBe('true');
    await hosts.fill('127.0.0.1');
    await page.getByRole('button', { name: 'Save allowed hosts' }).click();
    await page.getByText('Saved. Webhooks may reach these hosts.').waitFor();

    // Made with a name and two scopes; it opens on its own page.
    await page.getByRole('button', { name: 'Create integration' }).click();
    await page.getByText('Give the integration a name.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Description (optional)').fill('Tells the kitchen what is new.');
    await page.getByRole('checkbox', { name: /^Read groups/ }).check();
    await page.getByRole('checkbox', { name: /^Post in groups/ }).check();
    await page.getByRole('button', { name: 'Create integration' }).click();
    await page.getByRole('heading', { name: new RegExp(name), level: 1 }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByText(`“${name}” is ready.`, { exact: false }).waitFor();
    expect(await page.getByRole('checkbox', { name: /^Read groups/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Manage people/ }).isChecked()).toBe(false);

    // The bot joins a group.
    await page.getByText('Not in any group yet.').waitFor();
    await page.getByRole('button', { name: 'Choose groups' }).click();
    await page.getByRole('checkbox', { name: /^Kitchen news/ }).check();
    await page.getByRole('button', { name: 'Save groups' }).click();
    await page.getByRole('list', { name: 'Groups the bot is in' }).getByText('Kitchen news').waitFor();

    // A token, shown once with a warning; then only its first characters.
    await page.getByRole('button', { name: 'Create token' }).click();
    const tokenBox = page.getByTestId('integration-token');
    const token = await tokenBox.inputValue();
    expect(token).toMatch(/^cpi_/);
    await page.getByText('it is shown only this once').waitFor();
    await screenshot(page, `integration-token-${vp.name}`);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => tokenBox.count()).toBe(0);
    await page.getByTestId('token-row').getByText('Active').waitFor();
    expect((await tokenClient(t, acme, token).get(`/api/v1/groups/${groupId}`)).status).toBe(200);

    // A webhook: an address that fails the check is explained beside the field, then it is fixed.
    await page.getByRole('button', { name: 'Add a webhook' }).click();
    await page.getByLabel('Address (URL)').fill(to.url);
    await page.getByRole('checkbox', { name: /^New posts/ }).check();
    to.handler = (_req, res) => {
      res.writeHead(404);
      res.end('nothing here');
    };
    await page.getByRole('button', { name: 'Check and add' }).click();
    await page.getByText(/The address did not pass the check: .*404/).waitFor();
    expect(await page.getByLabel('Address (URL)').getAttribute('aria-invalid')).toBe('true');
    to.handler = answerChallenge;
    await page.getByRole('button', { name: 'Check and add' }).click();
    const secret = await page.getByTestId('webhook-secret').inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByTestId('webhook-row');
    await row.getByText('On', { exact: true }).waitFor();
    await check(page, `integration-detail-flow-${vp.name}`, vp.width);
    await row.getByRole('link', { name: to.url }).click();
    await page.getByRole('heading', { name: `Webhook of ${name}`, level: 1 }).waitFor();
    return { id, webhookPath: new URL(page.url()).pathname };
  }

  for (const vp of [PHONE, DESKTOP]) {
    it(`sets up a bot with a webhook, sees a post delivered and sends it again (${vp.name} px)`, async () => {
      const { ctx, page, errors } = await open(vp);
      const name = `Kitchen bot ${vp.name}`;
      if (vp === PHONE) {
        await page.goto(company('/admin/integrations'));
        await page.getByText('No integrations yet').waitFor();
        await check(page, 'integrations-empty-360', vp.width);
      }
      const { id } = await setUp(page, vp, name);
      await page.getByText('Nothing sent yet.', { exact: false }).waitFor();

      const mine = () => receiver.events().filter((r) => r.body?.integrationId === id);
      const post = await acme.owner.post('/api/v1/posts', { body: `Soup of the day (${vp.name})`, groupId });
      expect(post.status).toBe(201);
      const delivered = page.getByTestId('delivery-row').and(page.locator('[data-status="delivered"]'));
      await delivered.first().waitFor({ timeout: 20_000 });
      const first = page.getByTestId('delivery-row').first();
      await first.getByText('New posts').waitFor();
      await first.getByText(/answered 200/).waitFor();
      await first.getByText(/1 attempt\b/).waitFor();
      expect(mine()).toHaveLength(1);
      expect(mine()[0]?.body?.type).toBe('post.created');

      await first.getByRole('button', { name: 'Send again: New posts' }).click();
      await page.getByText('Sent again: the new delivery is at the top of the log.').waitFor();
      await expect.poll(() => mine().length, { timeout: 20_000 }).toBe(2);
      await expect.poll(() => delivered.count(), { timeout: 20_000 }).toBe(2);
      // The same event (same id), delivered again.
      expect(mine()[1]?.body?.id).toBe(mine()[0]?.body?.id);
      await check(page, `integration-webhook-log-${vp.name}`, vp.width);
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }

  it('shows a webhook turned off after repeated failures, with the reason, and turns it on again (360 px)', async () => {
    const flaky = await startReceiver();
    try {
      const { ctx, page, errors } = await open(PHONE);
      const { webhookPath } = await setUp(page, PHONE, 'Flaky bot', flaky);
      flaky.handler = (req, res) => {
        if (req.body?.type === 'url_verification') return answerChallenge(req, res);
        res.writeHead(500);
        res.end('oven on fire');
      };
      for (const n of [1, 2]) expect((await acme.owner.post('/api/v1/posts', { body: `Burnt toast ${n}`, groupId })).status).toBe(201);
      await expect
        .poll(
          async () => {
            await page.goto(company(webhookPath));
            await page.getByRole('heading', { level: 1 }).waitFor();
            return page.getByTestId('webhook-auto-off').count();
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      const notice = page.getByTestId('webhook-auto-off');
      await notice.getByText('Turned off automatically', { exact: false }).waitFor();
      await notice.getByText(/2 deliveries in a row failed.*500/).waitFor();
      await page.getByText('Off after failures').first().waitFor();
      await page
        .getByTestId('delivery-row')
        .first()
        .getByText(/answered 500/)
        .waitFor();
      // Sending again waits until it is on.
      expect(await page.getByRole('button', { name: /^Send again/ }).count()).toBe(0);
      await check(page, 'integration-webhook-auto-off-360', PHONE.width);
      flaky.handler = answerChallenge;
      await page.getByRole('button', { name: 'Turn on' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      await page
        .getByRole('heading', { name: /Status/ })
        .getByText('On', { exact: true })
        .waitFor();
      expect(errors).toEqual([]);
      await ctx.close();
    } finally {
      await flaky.close();
    }
  });

  it('turns an integration off and removes it, each after a confirmation (1440 px)', async () => {
    const made = await acme.owner.post('/api/v1/admin/integrations', { name: 'Old pager', scopes: ['chat:write'] });
    expect(made.status).toBe(201);
    const hook = await acme.owner.post(`/api/v1/admin/integrations/${made.body.id as string}/webhooks`, {
      url: receiver.url,
      events: ['message.created'],
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    const { ctx, page, errors } = await open(DESKTOP);
    await page.goto(company(`/admin/integrations/${made.body.id as string}`));
    // Its webhook asks for chat messages, which it may not read: the page says what to add.
    await page.getByText('add “Read chat” under Permissions', { exact: false }).waitFor();
    // An avatar for the bot: chosen, seen in place, saved; colleagues get it as the bot's photo.
    await page.locator('input[type="file"]').setInputFiles({ name: 'pager.png', mimeType: 'image/png', buffer: await png(300, 200) });
    await page.getByRole('button', { name: 'Save photo' }).click();
    await page.getByText('The avatar is saved.').waitFor();
    const bot = await acme.owner.get(`/api/v1/people/${made.body.botPersonId as string}`);
    expect(bot.body.photoUrl).toMatch(/^\/api\/v1\/files\//);
    await page.getByRole('button', { name: 'Turn off' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Its tokens are refused at once', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await page.getByText('This integration is turned off', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 1 }).getByText('Off', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Remove integration' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove integration' }).click();
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    const row = page.getByTestId('integration-row').filter({ hasText: 'Old pager' });
    await row.getByText('Removed').waitFor();
    await row.getByText('Bot', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  for (const locale of ['en-GB', 'fr-FR'] as const) {
    for (const vp of [PHONE, DESKTOP]) {
      it(`integration screens at ${vp.name} px in ${locale}`, async () => {
        const list = (await acme.owner.get('/api/v1/admin/integrations')).body.items as Array<{ id: string; name: string }>;
        const bot = list.find((i) => i.name === 'Kitchen bot 360');
        expect(bot).toBeDefined();
        const hooks = (await acme.owner.get(`/api/v1/admin/integrations/${bot!.id}/webhooks`)).body.items as Array<{ id: string }>;
        const { ctx, page, errors } = await open(vp, locale);
        for (const [label, path] of [
          ['integrations', '/admin/integrations'],
          ['integration', `/admin/integrations/${bot!.id}`],
          ['integration-webhook', `/admin/integrations/${bot!.id}/webhooks/${hooks[0]!.id}`],
        ] as const) {
          await page.goto(company(path));
          if (label !== 'integrations') await page.getByText('Kitchen bot 360').first().waitFor();
          await check(page, `${label}-${vp.name}-${locale}`, vp.width);
        }
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.slice(0, 2));
        expect(errors).toEqual([]);
        await ctx.close();
      });
    }
  }
});
