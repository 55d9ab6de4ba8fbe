import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommonplaceClient, createWebhookHandler } from '../../sdk/src/index.js';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { createIntegration } from '../support/integrations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot, signedInPage } from './browser.js';

/**
 * A bot's interactive message as a person sees it: the "Bot" badge, text, fields, buttons, a
 * select and a form, at phone and desktop sizes; acting on a bot that has no webhook for
 * interactions says so in words instead of leaving the person waiting; and the whole round trip
 * with a real bot built on the SDK: a click reaches the bot by webhook, the bot edits its message,
 * and every participant's open page shows the new state without reloading.
 */
describe('bots in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: Company;
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite' });
    browser = await launchChromium();
    acme = await signUpCompany(t, { name: 'Boulangerie Nord' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a bot’s blocks in a conversation and explains when the bot is not listening', async () => {
    const mia = await addPerson(t, acme, { name: 'Mia Member' });
    const bot = await createIntegration(t, acme, { name: 'Room bot', scopes: ['chat:write'] });
    const dm = (await bot.client.post('/api/v1/conversations', { kind: 'direct', personId: mia.personId })).body;
    const sent = await bot.client.post(`/api/v1/conversations/${dm.id}/messages`, {
      clientKey: 'room-bot-e2e-1',
      body: 'Good morning Mia!',
      blocks: [
        { type: 'text', text: 'Room **Tilleul** is free.' },
        {
          type: 'fields',
          fields: [
            { label: 'When', value: '10:00–11:00' },
            { label: 'Seats', value: '6' },
          ],
        },
        {
          type: 'actions',
          elements: [
            { type: 'button', actionId: 'book', label: 'Book it', style: 'primary' },
            { type: 'button', actionId: 'skip', label: 'Not now' },
            { type: 'select', actionId: 'other', placeholder: 'Another room', options: [{ label: 'Chêne', value: 'chene' }] },
          ],
        },
        {
          type: 'form',
          actionId: 'why',
          title: 'Anything to add?',
          fields: [{ name: 'note', label: 'Note', kind: 'textarea' }],
          submitLabel: 'Send',
        },
        { type: 'context', text: 'Bookings end at 18:00.' },
      ],
    });
    expect(sent.status).toBe(201);

    for (const vp of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      const { ctx, page, errors } = await signedInPage(browser, mia.cookie ?? '', `${acme.slug}.localhost`, vp, 'en-GB');
      await page.goto(`http://${acme.slug}.localhost:${t.port}/chat/${dm.id as string}`);
      const message = page.getByTestId('message').filter({ hasText: 'Good morning Mia!' });
      await message.getByRole('button', { name: 'Book it' }).waitFor();
      await expect.poll(() => message.locator('strong', { hasText: 'Tilleul' }).count()).toBe(1);
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
      await screenshot(page, `bot-message-${vp.width}`);
      if (vp.width === 360) {
        await message.getByRole('button', { name: 'Book it' }).click();
        await message.getByText('Room bot is not taking answers right now').waitFor();
        await screenshot(page, 'bot-not-listening-360');
      }
      expect(errors).toEqual([]);
      await ctx.close();
    }
  });

  it('a click reaches the bot by webhook; the bot edits its message and everyone sees it change live', async () => {
    const mia = await addPerson(t, acme, { name: 'Mia Member' });
    const noah = await addPerson(t, acme, { name: 'Noah Neighbour' });
    const bot = await createIntegration(t, acme, { name: 'Desk bot', scopes: ['chat:write'] });
    expect((await acme.owner.put('/api/v1/admin/integration-settings', { allowedHosts: ['127.0.0.1'] })).status).toBe(200);

    // The bot, as a company developer would write it: the SDK's client and webhook handler.
    const loopback = new Agent({ connect: { lookup: (_h, _o, done) => done(null, [{ address: '127.0.0.1', family: 4 }]) } });
    const cp = createCommonplaceClient({
      baseUrl: `http://${acme.slug}.localhost:${t.port}`,
      token: bot.token,
      fetch: (request) => fetch(request, { dispatcher: loopback } as RequestInit),
    });
    const secret = 'e2e-'.repeat(4) + '0123456789abcdef0123456789abcdef';
    const seen: string[] = [];
    const server = createServer(
      createWebhookHandler({
        secret,
        async onEvent(event) {
          if (event.type !== 'interaction' || !event.data.message || seen.includes(event.id)) return;
          seen.push(event.id);
          const { action, person, message } = event.data;
          await cp.updateMessage(message.id, {
            blocks: [
              { type: 'text', text: 'Desk **12** for tomorrow.' },
              { type: 'context', text: `${action.actionId === 'take' ? 'Taken' : 'Passed'} by ${person.displayName}` },
            ],
          });
        },
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const hook = await acme.owner.post(`/api/v1/admin/integrations/${bot.id}/webhooks`, { url, events: ['interaction'], secret });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);

      const chat = await cp.POST('/api/v1/conversations', {
        body: { kind: 'group', personIds: [mia.personId, noah.personId], name: 'Desks' },
      });
      expect(chat.response.status).toBe(201);
      const conversationId = chat.data!.id;
      await cp.sendMessage(conversationId, {
        text: 'A desk is free',
        blocks: [
          { type: 'text', text: 'Desk **12** for tomorrow.' },
          {
            type: 'actions',
            elements: [
              { type: 'button', actionId: 'take', label: 'Take it', style: 'primary' },
              { type: 'button', actionId: 'pass', label: 'Pass' },
            ],
          },
        ],
      });

      const open = async (who: typeof mia, vp: { width: number; height: number }) => {
        const opened = await signedInPage(browser, who.cookie ?? '', `${acme.slug}.localhost`, vp, 'en-GB');
        await opened.page.goto(`http://${acme.slug}.localhost:${t.port}/chat/${conversationId}`);
        const message = opened.page.getByTestId('message').filter({ hasText: 'A desk is free' });
        await message.getByRole('button', { name: 'Take it' }).waitFor();
        return { ...opened, message };
      };
      const miaView = await open(mia, { width: 360, height: 740 });
      const noahView = await open(noah, { width: 1280, height: 800 });

      await miaView.message.getByRole('button', { name: 'Take it' }).click();
      // Both open pages change without a reload: the buttons are gone, the outcome is shown.
      for (const view of [miaView, noahView]) {
        await view.message.getByText('Taken by Mia Member').waitFor();
        await expect.poll(() => view.message.getByRole('button', { name: 'Take it' }).count()).toBe(0);
      }
      // The bot's answer replaces the "sent, waiting for the bot" note.
      await expect.poll(() => miaView.message.getByText(/The bot will answer/).count()).toBe(0);
      await screenshot(miaView.page, 'bot-round-trip-360');
      await screenshot(noahView.page, 'bot-round-trip-1280');
      expect(seen).toHaveLength(1);
      expect(miaView.errors).toEqual([]);
      expect(noahView.errors).toEqual([]);
      await miaView.ctx.close();
      await noahView.ctx.close();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await loopback.close();
    }
  });
});
