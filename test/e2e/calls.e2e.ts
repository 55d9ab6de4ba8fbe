import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { addPerson, signUpCompany, type Company } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { axeViolations, FAKE_MEDIA, launchChromium, screenshot } from './browser.js';
import { callStats, inboundFrom, openConversation } from './calls-support.js';

const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 800 };

/**
 * Voice and video calls between two Chromium browsers, each with a fake camera and microphone.
 * Olivia calls Zoë in their direct conversation; Zoë's phone rings and she accepts; each side
 * receives the other's sound and picture (read from RTCPeerConnection.getStats through the app's
 * test hook); Olivia mutes (Zoë hears silence), shares her screen (Zoë decodes it), the connection
 * restarts ICE without dropping, and a hang-up ends it on both sides with its duration in the
 * history. A declined call and an unanswered one tell the caller so. The incoming call and the
 * call screen are axe-clean and saved at 360 and 1280 px, in English and French.
 */
describe('Calls in Chromium', () => {
  let t: TestServer;
  let browserA: Browser;
  let browserB: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  let ownerId: string;
  let conversationId: string;
  beforeAll(async () => {
    // A short ring, so that "no answer" comes within the test's time (the default is 45 s).
    t = await startTestServer({ dialect: 'sqlite', env: { CALL_RING_TIMEOUT_S: '15' } });
    // One browser per person, as two devices would be.
    [browserA, browserB] = await Promise.all([launchChromium(FAKE_MEDIA), launchChromium(FAKE_MEDIA)]);
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
    ownerId = (await acme.owner.get('/api/v1/auth/session')).body.person.id as string;
    const created = await acme.owner.post('/api/v1/conversations', { kind: 'direct', personId: zoe.personId });
    expect(created.status).toBeLessThan(300);
    conversationId = created.body.id as string;
  });
  afterAll(async () => {
    await browserA?.close();
    await browserB?.close();
    await t?.close();
  });

  const company = (path: string) => `http://${acme.slug}.localhost:${t.port}${path}`;
  const open = (browser: Browser, client: Client, viewport: { width: number; height: number }, locale: string) =>
    openConversation(browser, client.cookie ?? '', `${acme.slug}.localhost:${t.port}`, conversationId, viewport, locale);

  /** The page is checked with axe, must not scroll sideways, and is saved under `label`. */
  async function check(page: Page, label: string, dialog = true): Promise<void> {
    if (dialog) await page.getByRole('dialog').first().waitFor();
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    const width = page.viewportSize()?.width ?? 0;
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} scrolls sideways`).toBeLessThanOrEqual(width);
    await screenshot(page, label);
  }

  const stats = callStats;
  const from = inboundFrom;
  const historyTexts = (page: Page) => page.getByTestId('call-history').allTextContents();

  it('rings, connects both ways, mutes, shares the screen, restarts ICE and hangs up with the duration in the history', async () => {
    const a = await open(browserA, acme.owner, WIDE, 'en-GB');
    const b = await open(browserB, zoe, PHONE, 'fr-FR');

    await a.page.getByRole('button', { name: 'Start a video call' }).click();
    await expect.poll(() => a.page.getByTestId('call-status').textContent()).toBe('Calling…');
    const incoming = b.page.getByTestId('incoming-call');
    await incoming.waitFor();
    expect(await incoming.getByRole('heading').textContent()).toBe('Olivia Owner vous appelle');
    await check(b.page, 'call-incoming-360-fr');
    await b.page.setViewportSize(WIDE);
    await check(b.page, 'call-incoming-1280-fr');
    await b.page.setViewportSize(PHONE);
    await incoming.getByRole('button', { name: 'Accepter avec la vidéo' }).click();
    await incoming.waitFor({ state: 'detached' });

    // Sound and picture arrive on both sides, over a selected candidate pair.
    for (const [page, otherId] of [
      [a.page, zoe.personId],
      [b.page, ownerId],
    ] as const) {
      await expect
        .poll(
          async () => {
            const s = await from(page, otherId);
            return !!s && s.audioBytes > 0 && s.videoBytes > 0 && s.framesDecoded > 5;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      const s = await stats(page);
      expect(s?.peers.p2p?.localCandidateType).toBeTruthy();
      expect(s?.peers.p2p?.remoteCandidateType).toBeTruthy();
      expect(s?.outbound.audioBytes).toBeGreaterThan(0);
    }
    await a.page.getByTestId('call-clock').waitFor();
    await b.page.getByTestId('call-clock').waitFor();
    await check(a.page, 'call-screen-1280-en');
    await check(b.page, 'call-screen-360-fr');

    // Olivia mutes: Zoë is told (the microphone-off mark) and hears silence while her picture goes on.
    const energy = async () => (await from(b.page, ownerId))?.totalAudioEnergy ?? 0;
    const frames = async () => (await from(b.page, ownerId))?.framesDecoded ?? 0;
    await a.page.getByRole('button', { name: 'Mute microphone' }).click();
    await expect.poll(async () => (await stats(a.page))?.muted).toBe(true);
    await b.page.locator(`[data-testid="call-tile"][data-person="${ownerId}"] .call-tile__flag`).waitFor();
    // The last sound in flight when the mute took effect is let through: then, 48 frames later
    // (two seconds of picture), not the smallest sound has been heard.
    let mark = await frames();
    await expect.poll(frames).toBeGreaterThan(mark + 24);
    const silentFrom = await energy();
    mark = await frames();
    await expect.poll(frames, { timeout: 15_000 }).toBeGreaterThan(mark + 48);
    expect(await energy()).toBeCloseTo(silentFrom, 6);
    // And nothing of the microphone leaves Olivia's browser while muted, not even silence.
    const sent = async () => (await stats(a.page))?.outbound.audioBytes ?? 0;
    const sentWhileMuted = await sent();
    mark = await frames();
    await expect.poll(frames, { timeout: 15_000 }).toBeGreaterThan(mark + 24);
    expect(await sent()).toBe(sentWhileMuted);
    await a.page.getByRole('button', { name: 'Unmute microphone' }).click();
    await expect.poll(energy, { timeout: 15_000 }).toBeGreaterThan(silentFrom);

    // Olivia shares her screen: Zoë decodes it and sees it large.
    await a.page.getByRole('button', { name: 'Share your screen' }).click();
    await expect.poll(async () => (await from(b.page, ownerId, 'screen'))?.framesDecoded ?? 0, { timeout: 20_000 }).toBeGreaterThan(3);
    await b.page.locator('[data-testid="call-tile"][data-feed="screen"]').waitFor();
    await check(b.page, 'call-screen-shared-360-fr');
    await a.page.setViewportSize(PHONE);
    await check(a.page, 'call-screen-360-en');
    await b.page.setViewportSize(WIDE);
    await check(b.page, 'call-screen-shared-1280-fr');
    await a.page.getByRole('button', { name: 'Stop sharing your screen' }).click();
    await expect.poll(() => b.page.locator('[data-testid="call-tile"][data-feed="screen"]').count()).toBe(0);

    // An ICE restart finds the path again without hanging up: the picture keeps coming.
    await a.page.evaluate(() => (window as unknown as { __commonplaceCall: { restartIce(): void } }).__commonplaceCall.restartIce());
    mark = await frames();
    await expect.poll(frames, { timeout: 15_000 }).toBeGreaterThan(mark + 24);
    expect((await stats(a.page))?.peers.p2p?.iceConnectionState).toMatch(/connected|completed/);

    // Olivia hangs up: both see the end, and the history tells the call with its length.
    await a.page.getByRole('button', { name: 'Leave the call' }).click();
    await expect.poll(() => a.page.getByTestId('call-ended').textContent()).toBe('Call ended');
    await expect.poll(() => b.page.getByTestId('call-ended').textContent()).toBe('Appel terminé');
    await a.page.getByRole('button', { name: 'Close' }).click();
    await b.page.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => historyTexts(a.page)).toEqual([expect.stringMatching(/^Video call, \d+ (s|min \d+ s)$/)]);
    await expect.poll(() => historyTexts(b.page)).toEqual([expect.stringMatching(/^Appel vidéo, \d+ (s|min \d+ s)$/)]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('tells the caller "Declined", and "No answer" once the ring times out', async () => {
    const a = await open(browserA, acme.owner, WIDE, 'en-GB');
    const b = await open(browserB, zoe, PHONE, 'fr-FR');

    // Zoë calls; Olivia declines.
    await b.page.getByRole('button', { name: 'Lancer un appel audio' }).click();
    const incoming = a.page.getByTestId('incoming-call');
    await incoming.waitFor();
    expect(await incoming.textContent()).toContain('Incoming audio call');
    await check(a.page, 'call-incoming-1280-en');
    await a.page.setViewportSize(PHONE);
    await check(a.page, 'call-incoming-360-en');
    await incoming.getByRole('button', { name: 'Decline' }).click();
    await incoming.waitFor({ state: 'detached' });
    await expect.poll(() => b.page.getByTestId('call-ended').textContent()).toBe('Appel refusé');
    await check(b.page, 'call-declined-360-fr');
    await expect.poll(() => historyTexts(a.page), { timeout: 15_000 }).toContain('Audio call declined');

    // Olivia calls; nobody answers: after the ring's time she is told, and Zoë's screen stops ringing.
    await a.page.getByRole('button', { name: 'Start an audio call' }).click();
    await b.page.getByTestId('incoming-call').waitFor();
    await expect.poll(() => a.page.getByTestId('call-ended').textContent(), { timeout: 40_000, interval: 500 }).toBe('No answer');
    await expect.poll(() => b.page.getByTestId('incoming-call').count()).toBe(0);
    await expect.poll(async () => (await historyTexts(a.page)).slice(-2)).toEqual(['Audio call declined', 'Missed audio call']);
    await a.page.getByRole('button', { name: 'Close' }).click();
    await check(a.page, 'call-history-360-en', false);
    // Zoë is told of the call she missed, and it leads to the conversation.
    await b.page.goto(company('/notifications'));
    const line = b.page.getByText('Appel manqué de Olivia Owner');
    await line.waitFor();
    await check(b.page, 'call-missed-notification-360-fr', false);
    await line.click();
    await expect.poll(() => new URL(b.page.url()).pathname).toBe(`/chat/${conversationId}`);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  }, 120_000);
});
