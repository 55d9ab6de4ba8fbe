import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJanus, JanusProcess } from '../../server/modules/calls/janus-process.js';
import type { Client } from '../support/client.js';
import { addPerson } from '../support/factories.js';
import { startTwoProcesses, type TwoProcesses } from '../support/two-processes.js';
import { FAKE_MEDIA, launchChromium } from './browser.js';
import { inboundFrom, openConversation } from './calls-support.js';

const WIDE = { width: 1280, height: 800 };
type Person = Client & { personId: string };

/**
 * A group call scaled out: two server processes (one PostgreSQL database, Redis between them) share
 * one Janus run apart (SFU=ws://…). Ann's page talks to process one, Ben's and Cat's to process two,
 * so each process holds the Janus sessions of its own devices in one room. Everyone receives the
 * two others' cameras; when Ben leaves, his tile goes and Ann and Cat go on.
 */
describe('A group call across two server processes sharing one media server', () => {
  let janus: JanusProcess;
  let p: TwoProcesses;
  let browsers: Browser[] = [];
  let ann: Person;
  let ben: Person;
  let cat: Person;
  let conversationId: string;

  beforeAll(async () => {
    const install = findJanus(process.env.JANUS_BIN ?? 'janus');
    if (!install) throw new Error('Janus is not installed');
    const from = 30_000 + Math.floor(Math.random() * 100) * 100;
    janus = new JanusProcess(install, { rtpPorts: { from, to: from + 99 }, logger: pino({ level: 'silent' }) });
    // Started here, not by a server process: both processes reach it as a Janus run apart.
    (await janus.start()).close();
    const address = janus.address;
    if (!address) throw new Error('the media server stopped');
    p = await startTwoProcesses({ SFU: address.url, SFU_API_SECRET: address.apiSecret });
    browsers = await Promise.all([launchChromium(FAKE_MEDIA), launchChromium(FAKE_MEDIA), launchChromium(FAKE_MEDIA)]);
    const hosts = p.one.asHosts();
    ann = await addPerson(hosts, p.company, { name: 'Ann Archer' });
    ben = await addPerson(hosts, p.company, { name: 'Ben Baker' });
    cat = await addPerson(hosts, p.company, { name: 'Cat Carter' });
    const created = await ann.post('/api/v1/conversations', {
      kind: 'group',
      name: 'Night shift',
      personIds: [ben.personId, cat.personId],
    });
    expect(created.status).toBeLessThan(300);
    conversationId = created.body.id as string;
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await p?.stop();
    await janus?.stop();
  });

  const open = (browser: Browser, client: Client, port: number) =>
    openConversation(browser, client.cookie ?? '', `${p.company.slug}.localhost:${port}`, conversationId, WIDE, 'en-GB');
  const receives = async (page: Page, personId: string) => {
    const s = await inboundFrom(page, personId);
    return !!s && s.videoBytes > 0 && s.audioBytes > 0 && s.framesDecoded > 3;
  };
  const framesFrom = async (page: Page, personId: string) => (await inboundFrom(page, personId))?.framesDecoded ?? 0;

  it('joins people on either process in one room, and goes on when one of them leaves', async () => {
    const [browserA, browserB, browserC] = browsers as [Browser, Browser, Browser];
    const a = await open(browserA, ann, p.one.port);
    const b = await open(browserB, p.onTwo(ben), p.two.port);
    const c = await open(browserC, p.onTwo(cat), p.two.port);

    await a.page.getByRole('button', { name: 'Start a video call' }).click();
    for (const s of [b, c]) await s.page.getByTestId('incoming-call').getByRole('button', { name: 'Accept with video' }).click();

    for (const [page, others] of [
      [a.page, [ben.personId, cat.personId]],
      [b.page, [ann.personId, cat.personId]],
      [c.page, [ann.personId, ben.personId]],
    ] as const) {
      for (const id of others) await expect.poll(() => receives(page, id), { timeout: 30_000 }).toBe(true);
    }

    // Ben leaves (his device is on process two, like Cat's): Ann, on process one, and Cat see his tile go.
    const benTiles = [a.page, c.page].map((page) => page.locator(`[data-testid="call-tile"][data-person="${ben.personId}"]`));
    for (const tile of benTiles) await expect.poll(() => tile.count()).toBe(1);
    await b.page.getByRole('button', { name: 'Leave the call' }).click();
    for (const tile of benTiles) await expect.poll(() => tile.count(), { timeout: 30_000 }).toBe(0);
    // Each still decodes the other: a second of frames or so more than now.
    for (const [page, other] of [
      [a.page, cat.personId],
      [c.page, ann.personId],
    ] as const) {
      const mark = await framesFrom(page, other);
      await expect.poll(() => framesFrom(page, other), { timeout: 15_000 }).toBeGreaterThan(mark + 24);
    }
    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
  });
});
