import { createHmac } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iceServersSchema, type IceServers } from '../protocol/calls.js';
import type { CallsConfig } from '../server/config.js';
import { iceServersFor } from '../server/modules/calls/turn.js';
import { allocate, startCoturn, type Coturn } from './support/coturn.js';

const PERSON = '3f1c2a9e-7b4d-4c55-9a1e-2d6f0b8c4e17';

function callsConfig(over: Partial<CallsConfig> = {}): CallsConfig {
  return {
    sfu: 'off',
    sfuApiSecret: undefined,
    janusBin: 'janus',
    rtpPorts: { from: 20000, to: 20999 },
    sfuPublicIp: undefined,
    stunUrls: [],
    turnUrls: [],
    turnSecret: undefined,
    turnTtlS: 3600,
    relayOnly: false,
    ringTimeoutMs: 45_000,
    ...over,
  };
}

function turnEntry(servers: IceServers) {
  const entry = servers.iceServers.find((s) => s.username !== undefined);
  if (!entry?.username || !entry.credential) throw new Error('no TURN entry with a credential');
  return { username: entry.username, credential: entry.credential };
}

describe('TURN credentials (TURN REST scheme)', () => {
  const secret = 'correct horse battery staple';
  const config = callsConfig({
    stunUrls: ['stun:stun.example.com:3478'],
    turnUrls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:443?transport=tcp'],
    turnSecret: secret,
    turnTtlS: 3600,
    relayOnly: false,
    ringTimeoutMs: 45_000,
  });

  it('signs `<expiry>:<personId>` with HMAC-SHA1 of the shared secret, base64', () => {
    const now = 1_700_000_000_000;
    const servers = iceServersFor(config, PERSON, now);
    expect(iceServersSchema.parse(servers)).toEqual(servers);
    const { username, credential } = turnEntry(servers);
    expect(username).toBe(`1700003600:${PERSON}`);
    // Computed apart with `openssl dgst -sha1 -hmac <secret> -binary | base64`.
    expect(credential).toBe('McriLjVbbtXz9sCvw5NATqnRDLA=');
    expect(credential).toBe(createHmac('sha1', secret).update(username).digest('base64'));
    expect(servers.expiresAt).toBe('2023-11-14T23:13:20.000Z');
  });

  it('gives STUN without a credential and TURN with one, each with all its URLs', () => {
    const servers = iceServersFor(config, PERSON, 1_700_000_000_000);
    expect(servers.iceServers).toEqual([
      { urls: ['stun:stun.example.com:3478'] },
      { urls: config.turnUrls, username: expect.any(String), credential: expect.any(String) },
    ]);
  });

  it('expires turnTtlS seconds from now, in whole seconds', () => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 0, 987);
    const servers = iceServersFor({ ...config, turnTtlS: 600 }, PERSON, now);
    const expiry = Number(turnEntry(servers).username.split(':')[0]);
    expect(expiry).toBe(Math.floor(now / 1000) + 600);
    expect(servers.expiresAt).toBe(new Date(expiry * 1000).toISOString());
    expect(new Date(servers.expiresAt ?? '').getTime() - now).toBeGreaterThan(599_000);
  });

  it('differs per person and per secret', () => {
    const now = 1_700_000_000_000;
    const a = turnEntry(iceServersFor(config, PERSON, now));
    const b = turnEntry(iceServersFor(config, '0b7c1f52-55c1-4c43-8d7e-3f0a9a2c6d11', now));
    const c = turnEntry(iceServersFor({ ...config, turnSecret: 'another secret' }, PERSON, now));
    expect(a.credential).not.toBe(b.credential);
    expect(a.username).toBe(c.username);
    expect(a.credential).not.toBe(c.credential);
  });

  it('gives only STUN when no TURN is configured, or TURN has no secret to sign with', () => {
    const stunOnly = callsConfig({ stunUrls: ['stun:a.example:3478', 'stun:b.example:19302'] });
    expect(iceServersFor(stunOnly, PERSON)).toEqual({
      iceServers: [{ urls: stunOnly.stunUrls }],
      expiresAt: null,
      iceTransportPolicy: 'all',
    });
    const noSecret = callsConfig({ stunUrls: ['stun:a.example:3478'], turnUrls: ['turn:t.example:3478'] });
    expect(iceServersFor(noSecret, PERSON)).toEqual({
      iceServers: [{ urls: ['stun:a.example:3478'] }],
      expiresAt: null,
      iceTransportPolicy: 'all',
    });
  });

  it('tells browsers to use the relay only when the company asks for it and there is a relay', () => {
    const turn = { turnUrls: ['turn:t.example:3478'], turnSecret: 'a secret of some length' };
    expect(iceServersFor(callsConfig({ ...turn, relayOnly: true }), PERSON).iceTransportPolicy).toBe('relay');
    expect(iceServersFor(callsConfig({ ...turn, relayOnly: false }), PERSON).iceTransportPolicy).toBe('all');
    expect(iceServersFor(callsConfig({ relayOnly: true }), PERSON).iceTransportPolicy).toBe('all');
  });

  it('gives an empty list when nothing is configured', () => {
    const servers = iceServersFor(callsConfig(), PERSON);
    expect(servers).toEqual({ iceServers: [], expiresAt: null, iceTransportPolicy: 'all' });
    expect(iceServersSchema.parse(servers)).toEqual(servers);
  });
});

describe('TURN credentials against a real coturn', () => {
  let coturn: Coturn;
  let config: CallsConfig;
  beforeAll(async () => {
    coturn = await startCoturn();
    config = callsConfig({ turnUrls: [coturn.url, coturn.tcpUrl], turnSecret: coturn.secret, turnTtlS: 600 });
  });
  afterAll(async () => {
    await coturn?.stop();
  });

  /** coturn logs each refused request with its user (verbose mode). */
  const refusedInLog = (username: string) => coturn.log().includes(`user <${username}>: incoming packet message processed, error 401`);

  it('allocates a relay with a fresh credential', async () => {
    const { username, credential } = turnEntry(iceServersFor(config, PERSON));
    const result = await allocate(coturn.port, username, credential);
    expect(result.relay, result.output).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(refusedInLog(username)).toBe(false);
  });

  it('refuses a correctly signed credential whose expiry has passed (401)', async () => {
    // Signed an hour and a half ago with a ten-minute life: expired an hour and twenty minutes ago.
    const { username, credential } = turnEntry(iceServersFor(config, PERSON, Date.now() - 90 * 60_000));
    expect(Number(username.split(':')[0]) * 1000).toBeLessThan(Date.now());
    const result = await allocate(coturn.port, username, credential);
    expect(result.relay, result.output).toBeNull();
    // The server answered (the refusal), rather than being unreachable.
    expect(result.output).toContain('allocate response received');
    await expect.poll(() => refusedInLog(username), { timeout: 5_000 }).toBe(true);
  });

  it('refuses a wrong password (401)', async () => {
    const { username } = turnEntry(iceServersFor(config, '0b7c1f52-55c1-4c43-8d7e-3f0a9a2c6d11'));
    const result = await allocate(coturn.port, username, 'not-the-credential');
    expect(result.relay, result.output).toBeNull();
    expect(result.output).toContain('allocate response received');
    await expect.poll(() => refusedInLog(username), { timeout: 5_000 }).toBe(true);
  });

  it('refuses a credential signed with another secret (401)', async () => {
    const other = { ...config, turnSecret: 'not the secret' };
    const { username, credential } = turnEntry(iceServersFor(other, '5d2e8c41-1a6f-4b3e-9c07-7e4b2f9d1a83'));
    const result = await allocate(coturn.port, username, credential);
    expect(result.relay, result.output).toBeNull();
    await expect.poll(() => refusedInLog(username), { timeout: 5_000 }).toBe(true);
  });
});

/** What the page reports about its two connections (see startRelayCall). */
interface RelayCallState {
  gathering: [string, string];
  ice: [string, string];
  /** Candidate types each connection gathered (host, srflx, relay). */
  candidateTypes: [string[], string[]];
  /** Types of the selected pair's local and remote candidates, seen from each side (null: none yet). */
  selected: [[string, string] | null, [string, string] | null];
  videoBytesReceived: number;
  framesDecoded: number;
  audioBytesReceived: number;
}

/**
 * In the page: two RTCPeerConnections that may only use relay candidates, the first sending the
 * fake camera and microphone to the second, with the offer, answer and candidates passed directly.
 */
async function startRelayCall(page: Page, iceServers: IceServers['iceServers']): Promise<void> {
  await page.evaluate(async (servers) => {
    const config: RTCConfiguration = { iceServers: servers, iceTransportPolicy: 'relay' };
    const sender = new RTCPeerConnection(config);
    const receiver = new RTCPeerConnection(config);
    const gathered: [string[], string[]] = [[], []];
    const wire = (from: RTCPeerConnection, to: RTCPeerConnection, types: string[]) => {
      from.onicecandidate = (e) => {
        if (!e.candidate) return;
        types.push(e.candidate.type ?? 'unknown');
        void to.addIceCandidate(e.candidate);
      };
    };
    wire(sender, receiver, gathered[0]);
    wire(receiver, sender, gathered[1]);
    const video = document.createElement('video');
    video.autoplay = true;
    video.muted = true;
    document.body.append(video);
    receiver.ontrack = (e) => {
      if (e.track.kind === 'video') video.srcObject = e.streams[0] ?? new MediaStream([e.track]);
    };
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    for (const track of stream.getTracks()) sender.addTrack(track, stream);
    await sender.setLocalDescription(await sender.createOffer());
    await receiver.setRemoteDescription(sender.localDescription!);
    await receiver.setLocalDescription(await receiver.createAnswer());
    await sender.setRemoteDescription(receiver.localDescription!);
    Object.assign(window, { relayCall: { sender, receiver, gathered } });
  }, iceServers);
}

async function relayCallState(page: Page): Promise<RelayCallState> {
  return page.evaluate(async () => {
    const { sender, receiver, gathered } = (
      window as unknown as { relayCall: { sender: RTCPeerConnection; receiver: RTCPeerConnection; gathered: [string[], string[]] } }
    ).relayCall;
    const selectedPair = async (pc: RTCPeerConnection): Promise<[string, string] | null> => {
      const reports = [...(await pc.getStats()).values()] as Array<Record<string, unknown>>;
      const byId = new Map(reports.map((r) => [r.id, r]));
      const transport = reports.find((r) => r.type === 'transport' && r.selectedCandidatePairId);
      const pair = transport ? byId.get(transport.selectedCandidatePairId) : undefined;
      if (!pair) return null;
      return [String(byId.get(pair.localCandidateId)?.candidateType), String(byId.get(pair.remoteCandidateId)?.candidateType)];
    };
    const inbound = [...(await receiver.getStats()).values()].filter((r: Record<string, unknown>) => r.type === 'inbound-rtp') as Array<
      Record<string, number | string>
    >;
    const video = inbound.find((r) => r.kind === 'video');
    const audio = inbound.find((r) => r.kind === 'audio');
    return {
      gathering: [sender.iceGatheringState, receiver.iceGatheringState],
      ice: [sender.iceConnectionState, receiver.iceConnectionState],
      candidateTypes: gathered,
      selected: [await selectedPair(sender), await selectedPair(receiver)],
      videoBytesReceived: Number(video?.bytesReceived ?? 0),
      framesDecoded: Number(video?.framesDecoded ?? 0),
      audioBytesReceived: Number(audio?.bytesReceived ?? 0),
    };
  });
}

describe('relay-only media through coturn in Chromium', () => {
  let coturn: Coturn;
  let browser: Browser;
  let config: CallsConfig;
  beforeAll(async () => {
    coturn = await startCoturn();
    config = callsConfig({ turnUrls: [coturn.url, coturn.tcpUrl], turnSecret: coturn.secret, turnTtlS: 600 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await coturn?.stop();
  });

  /** A page on a secure origin (getUserMedia needs one); http://localhost is, and is served here without a server. */
  async function securePage(): Promise<Page> {
    const page = await browser.newPage();
    await page.route('http://localhost/call', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>call</title><body></body>' }),
    );
    await page.goto('http://localhost/call');
    return page;
  }

  it('carries audio and video between two browsers over relay candidates only', async () => {
    const page = await securePage();
    try {
      await startRelayCall(page, iceServersFor(config, PERSON).iceServers);
      // Video decoded and audio arriving on the receiving side.
      await expect
        .poll(
          async () => {
            const { framesDecoded, audioBytesReceived } = await relayCallState(page);
            return framesDecoded > 0 && audioBytesReceived > 0;
          },
          { timeout: 20_000, interval: 250 },
        )
        .toBe(true);
      const state = await relayCallState(page);
      expect(
        state.ice.every((s) => s === 'connected' || s === 'completed'),
        JSON.stringify(state),
      ).toBe(true);
      expect(state.selected, JSON.stringify(state)).toEqual([
        ['relay', 'relay'],
        ['relay', 'relay'],
      ]);
      expect(new Set(state.candidateTypes.flat())).toEqual(new Set(['relay']));
      expect(state.videoBytesReceived).toBeGreaterThan(0);
      expect(state.audioBytesReceived).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('gets no relay candidate and never connects with an expired credential', async () => {
    const page = await securePage();
    try {
      const expired = iceServersFor(config, PERSON, Date.now() - 90 * 60_000);
      await startRelayCall(page, expired.iceServers);
      // Gathering ends once coturn has refused every TURN server; only then is "none" final.
      await expect
        .poll(async () => (await relayCallState(page)).gathering, { timeout: 20_000, interval: 250 })
        .toEqual(['complete', 'complete']);
      const state = await relayCallState(page);
      expect(state.candidateTypes, JSON.stringify(state)).toEqual([[], []]);
      expect(state.selected).toEqual([null, null]);
      expect(state.ice.some((s) => s === 'connected' || s === 'completed')).toBe(false);
      expect(state.videoBytesReceived).toBe(0);
      const refused = `user <${turnEntry(expired).username}>: incoming packet message processed, error 401`;
      await expect.poll(() => coturn.log().includes(refused), { timeout: 5_000 }).toBe(true);
    } finally {
      await page.close();
    }
  });
});
