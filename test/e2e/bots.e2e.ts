import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { createIntegration } from '../support/integrations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, launchChromium, screenshot, signedInPage } from './browser.js';

/**
 * A bot's interactive message as a person sees it: the "Bot" badge, text, fields, buttons, a
 * select and a form, at phone and desktop sizes; acting on a bot that has no webhook for
 * interactions says so in words instead of leaving the person waiting.
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
});
