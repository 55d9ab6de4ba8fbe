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
 * A group call through the embedded media server (Janus): Olivia starts a video call in a group
 * conversation, Zoë accepts the ring, Bruno declines it and then joins from the banner. Each page
 * publishes its camera on one connection and receives the others' on one subscriber connection;
 * Zoë shares her screen and both others decode it. Bruno's browser then vanishes: he is dropped
 * from the call within seconds (his socket closed and did not come back), and the others go on.
 */
describe('Group calls in Chromium', () => {
  let t: TestServer;
  let browserA: Browser;
  let browserB: Browser;
  let browserC: Browser;
  let acme: Company;
  let zoe: Client & { personId: string };
  let bruno: Client & { personId: string };
  let ownerId: string;
  let conversationId: string;
  beforeAll(async () => {
    const from = 30_000 + Math.floor(Math.random() * 100) * 100;
    t = await startTestServer({ dialect: 'sqlite', env: { SFU: 'embedded', SFU_RTP_PORTS: `${from}-${from + 99}` } });
    // Three browsers, one per person, as three devices would be.
    [browserA, browserB, browserC] = await Promise.all([
      launchChromium(FAKE_MEDIA),
      launchChromium(FAKE_MEDIA),
      launchChromium(FAKE_MEDIA),
    ]);
    acme = await signUpCompany(t, { name: 'Cafés Müller' });
    zoe = await addPerson(t, acme, { name: 'Zoë Zimmermann' });
    bruno = await addPerson(t, acme, { name: 'Bruno Barista' });
    ownerId = (await acme.owner.get('/api/v1/auth/session')).body.person.id as string;
    const created = await acme.owner.post('/api/v1/conversations', {
      kind: 'group',
      name: 'Roastery',
      personIds: [zoe.personId, bruno.personId],
    });
    expect(created.status).toBeLessThan(300);
    conversationId = created.body.id as string;
  });
  afterAll(async () => {
    await browserA?.close();
    await browserB?.close();
    // Killed on purpose mid-test (a vanished browser): closing what is left may fail.
    await browserC?.close().catch(() => undefined);
    await t?.close();
  });

  const open = (browser: Browser, client: Client, viewport: { width: number; height: number }, locale: string) =>
    openConversation(browser, client.cookie ?? '', `${acme.slug}.localhost:${t.port}`, conversationId, viewport, locale);
  const stats = callStats;
  const receives = async (page: Page, personId: string, feed: 'camera' | 'screen' = 'camera') => {
    const s = await inboundFrom(page, personId, feed);
    return !!s && s.videoBytes > 0 && s.framesDecoded > 3 && (feed === 'screen' || s.audioBytes > 0);
  };
  async function check(page: Page, label: string, dialog = true): Promise<void> {
    if (dialog) await page.getByRole('dialog').first().waitFor();
    const violations = await axeViolations(page);
    expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    await screenshot(page, label);
  }

  it('publishes and receives every camera through the media server, and a shared screen', async () => {
    const a = await open(browserA, acme.owner, WIDE, 'en-GB');
    const b = await open(browserB, zoe, PHONE, 'fr-FR');
    const c = await open(browserC, bruno, WIDE, 'en-GB');

    await a.page.getByRole('button', { name: 'Start a video call' }).click();
    await b.page.getByTestId('incoming-call').getByRole('button', { name: 'Accepter avec la vidéo' }).click();
    const ring = c.page.getByTestId('incoming-call');
    expect(await ring.textContent()).toContain('In Roastery');
    await ring.getByRole('button', { name: 'Decline' }).click();
    const banner = c.page.getByTestId('call-banner');
    await expect.poll(() => banner.textContent()).toContain('A video call is on');
    await check(c.page, 'call-group-banner-1280-en', false);
    await banner.getByRole('button', { name: 'Join the call' }).click();

    const people = { a: ownerId, b: zoe.personId, c: bruno.personId };
    for (const [page, others] of [
      [a.page, [people.b, people.c]],
      [b.page, [people.a, people.c]],
      [c.page, [people.a, people.b]],
    ] as const) {
      for (const id of others) await expect.poll(() => receives(page, id), { timeout: 30_000 }).toBe(true);
    }
    const s = await stats(a.page);
    expect(Object.keys(s?.peers ?? {}).sort()).toEqual(['camera', 'subscriber']);
    // An ICE restart (a network change) renews both of Olivia's connections, the one she receives on
    // included (the media server offers it anew), and the pictures keep coming.
    await a.page.evaluate(() => (window as unknown as { __commonplaceCall: { restartIce(): void } }).__commonplaceCall.restartIce());
    const ufrag = async (pc: string) => (await stats(a.page))?.peers[pc]?.iceUfrag;
    await expect.poll(() => ufrag('camera'), { timeout: 15_000 }).not.toBe(s?.peers.camera?.iceUfrag);
    await expect.poll(() => ufrag('subscriber'), { timeout: 15_000 }).not.toBe(s?.peers.subscriber?.iceUfrag);
    const framesFrom = async (id: string) => (await inboundFrom(a.page, id))?.framesDecoded ?? 0;
    const before = await framesFrom(people.b);
    await expect.poll(() => framesFrom(people.b), { timeout: 15_000 }).toBeGreaterThan(before + 24);
    expect((await stats(a.page))?.peers.subscriber?.iceConnectionState).toMatch(/connected|completed/);
    await expect.poll(() => a.page.locator('.call-stage--grid [data-testid="call-tile"]').count()).toBe(3);
    await check(a.page, 'call-group-1280-en');
    await check(b.page, 'call-group-360-fr');
    // The people in the call, with their state; then the call minimised while Zoë reads the chat.
    await b.page.getByRole('button', { name: 'Participants à l’appel' }).click();
    await expect.poll(() => b.page.getByTestId('call-person').count()).toBe(3);
    await check(b.page, 'call-group-people-360-fr');
    await b.page.getByRole('button', { name: 'Participants à l’appel' }).click();
    await b.page.getByRole('button', { name: 'Réduire l’appel' }).click();
    await b.page.getByTestId('call-bar').waitFor();
    await check(b.page, 'call-group-minimised-360-fr', false);
    await b.page.getByRole('button', { name: /Revenir à l’appel/ }).click();

    await b.page.getByRole('button', { name: 'Partager votre écran' }).click();
    await expect.poll(() => receives(a.page, people.b, 'screen'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => receives(c.page, people.b, 'screen'), { timeout: 30_000 }).toBe(true);
    await a.page.locator('[data-testid="call-tile"][data-feed="screen"]').waitFor();
    await check(a.page, 'call-group-shared-1280-en');

    // Bruno's browser vanishes mid-call (it crashes): within seconds he is out of it, and Olivia and Zoë go on.
    const cdp = await browserC.newBrowserCDPSession();
    await cdp.send('Browser.crash').catch(() => undefined);
    await expect.poll(() => browserC.isConnected()).toBe(false);
    const brunoTile = a.page.locator(`[data-testid="call-tile"][data-person="${people.c}"]`);
    await expect.poll(() => brunoTile.count(), { timeout: 30_000 }).toBe(0);
    const framesFromZoe = async () => (await stats(a.page))?.inbound[people.b]?.camera?.framesDecoded ?? 0;
    const mark = await framesFromZoe();
    await expect.poll(framesFromZoe, { timeout: 15_000 }).toBeGreaterThan(mark + 24);

    await a.page.getByRole('button', { name: 'Leave the call' }).click();
    await b.page.getByRole('button', { name: 'Quitter l’appel' }).click();
    await expect.poll(() => a.page.getByTestId('call-history').allTextContents()).toEqual([expect.stringMatching(/^Video call, /)]);
    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
  });
});
