import { createHmac } from 'node:crypto';
import { FAKE_MEDIA, launchChromium } from './e2e/browser.js';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iceServersSchema, type IceServers } from '../protocol/calls.js';
import type { CallsConfig } from '../server/config.js';
import { iceServersFor } from '../server/modules/calls/turn.js';
import { TURN_REALM, allocate, startCoturn, type Coturn } from './support/coturn.js';

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
  /** The selected pair's local candidate on each side: how the browser reaches its relay (relayProtocol udp, tcp or tls) and through which server. */
  selectedLocal: [SelectedLocal | null, SelectedLocal | null];
  /** Servers each connection failed to get a candidate from (the icecandidateerror events). */
  candidateErrors: [CandidateError[], CandidateError[]];
  videoBytesReceived: number;
  framesDecoded: number;
  audioBytesReceived: number;
}

interface SelectedLocal {
  candidateType: string;
  /** The candidate's own transport towards the other side (a relay candidate is always udp). */
  protocol: string;
  /** How the browser talks to its TURN server: udp, tcp or tls. */
  relayProtocol: string;
  /** The TURN server the relay candidate came from. */
  url: string;
}

interface CandidateError {
  url: string;
  errorCode: number;
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
    const errors: [CandidateError[], CandidateError[]] = [[], []];
    const wire = (from: RTCPeerConnection, to: RTCPeerConnection, types: string[], failed: CandidateError[]) => {
      from.onicecandidate = (e) => {
        if (!e.candidate) return;
        types.push(e.candidate.type ?? 'unknown');
        void to.addIceCandidate(e.candidate);
      };
      from.onicecandidateerror = (e) => {
        const error = e as RTCPeerConnectionIceErrorEvent;
        failed.push({ url: error.url, errorCode: error.errorCode });
      };
    };
    wire(sender, receiver, gathered[0], errors[0]);
    wire(receiver, sender, gathered[1], errors[1]);
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
    Object.assign(window, { relayCall: { sender, receiver, gathered, errors } });
  }, iceServers);
}

async function relayCallState(page: Page): Promise<RelayCallState> {
  return page.evaluate(async () => {
    const { sender, receiver, gathered, errors } = (
      window as unknown as {
        relayCall: {
          sender: RTCPeerConnection;
          receiver: RTCPeerConnection;
          gathered: [string[], string[]];
          errors: [CandidateError[], CandidateError[]];
        };
      }
    ).relayCall;
    const selectedCandidates = async (pc: RTCPeerConnection) => {
      const reports = [...(await pc.getStats()).values()] as Array<Record<string, unknown>>;
      const byId = new Map(reports.map((r) => [r.id, r]));
      const transport = reports.find((r) => r.type === 'transport' && r.selectedCandidatePairId);
      const pair = transport ? byId.get(transport.selectedCandidatePairId) : undefined;
      if (!pair) return null;
      return { local: byId.get(pair.localCandidateId), remote: byId.get(pair.remoteCandidateId) };
    };
    const selectedPair = async (pc: RTCPeerConnection): Promise<[string, string] | null> => {
      const selected = await selectedCandidates(pc);
      return selected ? [String(selected.local?.candidateType), String(selected.remote?.candidateType)] : null;
    };
    const selectedLocal = async (pc: RTCPeerConnection): Promise<SelectedLocal | null> => {
      const local = (await selectedCandidates(pc))?.local;
      if (!local) return null;
      return {
        candidateType: String(local.candidateType),
        protocol: String(local.protocol),
        relayProtocol: String(local.relayProtocol),
        url: String(local.url),
      };
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
      selectedLocal: [await selectedLocal(sender), await selectedLocal(receiver)],
      candidateErrors: errors,
      videoBytesReceived: Number(video?.bytesReceived ?? 0),
      framesDecoded: Number(video?.framesDecoded ?? 0),
      audioBytesReceived: Number(audio?.bytesReceived ?? 0),
    };
  });
}

/** A page on a secure origin (getUserMedia needs one); http://localhost is, and is served here without a server. */
/** Waits for video decoded and audio arriving on the receiving side; both sides connected over relay/relay pairs. */
async function relayedMediaFlows(page: Page): Promise<RelayCallState> {
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
  return state;
}

/** Waits for gathering to end (only then is "none" final); no candidate was gathered and no pair selected. */
async function gatheredNothing(page: Page): Promise<RelayCallState> {
  await expect
    .poll(async () => (await relayCallState(page)).gathering, { timeout: 20_000, interval: 250 })
    .toEqual(['complete', 'complete']);
  const state = await relayCallState(page);
  expect(state.candidateTypes, JSON.stringify(state)).toEqual([[], []]);
  expect(state.selected).toEqual([null, null]);
  return state;
}

async function securePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.route('http://localhost/call', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>call</title><body></body>' }),
  );
  await page.goto('http://localhost/call');
  return page;
}

describe('relay-only media through coturn in Chromium', () => {
  let coturn: Coturn;
  let browser: Browser;
  let config: CallsConfig;
  beforeAll(async () => {
    coturn = await startCoturn();
    config = callsConfig({ turnUrls: [coturn.url, coturn.tcpUrl], turnSecret: coturn.secret, turnTtlS: 600 });
    browser = await launchChromium(FAKE_MEDIA);
  });
  afterAll(async () => {
    await browser?.close();
    await coturn?.stop();
  });

  it('carries audio and video between two browsers over relay candidates only', async () => {
    const page = await securePage(browser);
    try {
      await startRelayCall(page, iceServersFor(config, PERSON).iceServers);
      const state = await relayedMediaFlows(page);
      expect(new Set(state.candidateTypes.flat())).toEqual(new Set(['relay']));
      expect(state.videoBytesReceived).toBeGreaterThan(0);
      expect(state.audioBytesReceived).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('gets no relay candidate and never connects with an expired credential', async () => {
    const page = await securePage(browser);
    try {
      const expired = iceServersFor(config, PERSON, Date.now() - 90 * 60_000);
      await startRelayCall(page, expired.iceServers);
      const state = await gatheredNothing(page);
      expect(state.ice.some((s) => s === 'connected' || s === 'completed')).toBe(false);
      expect(state.videoBytesReceived).toBe(0);
      const refused = `user <${turnEntry(expired).username}>: incoming packet message processed, error 401`;
      await expect.poll(() => coturn.log().includes(refused), { timeout: 5_000 }).toBe(true);
    } finally {
      await page.close();
    }
  });
});

/**
 * Networks that let only TLS on 443 out: the browser reaches coturn over TLS (a `turns:` URL, TCP)
 * and relays all media through it. coturn's certificate is self-signed for `localhost`, made when
 * it starts. Chromium checks a TURN server's certificate like a web site's and refuses this one,
 * so the browser that calls is told to trust exactly this certificate's key
 * (--ignore-certificate-errors-spki-list), which leaves the check on for every other key; a browser
 * without it gets no relay at all, which shows the certificate really is checked.
 */
describe('relay-only media through coturn over TLS in Chromium', () => {
  let coturn: Coturn;
  let trusting: Browser;
  let tlsOnly: CallsConfig;
  beforeAll(async () => {
    coturn = await startCoturn({ tls: true });
    if (!coturn.tlsUrl || !coturn.tlsSpkiSha256) throw new Error('coturn started without TLS');
    // Only the TLS address: the call cannot fall back to TURN over UDP or plain TCP.
    tlsOnly = callsConfig({ turnUrls: [coturn.tlsUrl], turnSecret: coturn.secret, turnTtlS: 600 });
    trusting = await launchChromium([...FAKE_MEDIA, `--ignore-certificate-errors-spki-list=${coturn.tlsSpkiSha256}`]);
  });
  afterAll(async () => {
    await trusting?.close();
    await coturn?.stop();
  });

  it('carries audio and video with both browsers relaying through TURN over TLS', async () => {
    const page = await securePage(trusting);
    try {
      const servers = iceServersFor(tlsOnly, PERSON);
      expect(servers.iceServers.flatMap((s) => s.urls)).toEqual([coturn.tlsUrl]);
      await startRelayCall(page, servers.iceServers);
      const state = await relayedMediaFlows(page);
      // Each side reaches its relay over TLS, through the turns: address; the relayed media itself
      // goes between the two relay addresses as UDP, inside coturn.
      const overTls = { candidateType: 'relay', protocol: 'udp', relayProtocol: 'tls', url: coturn.tlsUrl };
      expect(state.selectedLocal, JSON.stringify(state)).toEqual([overTls, overTls]);
      expect(state.candidateErrors).toEqual([[], []]);
      expect(state.framesDecoded).toBeGreaterThan(0);
      expect(state.videoBytesReceived).toBeGreaterThan(0);
      expect(state.audioBytesReceived).toBeGreaterThan(0);
      // coturn's side: the person's allocations came in over a TLS session.
      const username = turnEntry(servers).username;
      expect(coturn.log()).toMatch(new RegExp(`new, realm=<${TURN_REALM}>, username=<${username}>, .*method=TLSv1\\.[23]`));
    } finally {
      await page.close();
    }
  });

  it('gets no relay from a browser that does not trust the certificate', async () => {
    const wary = await launchChromium(FAKE_MEDIA);
    try {
      const page = await securePage(wary);
      await startRelayCall(page, iceServersFor(tlsOnly, PERSON).iceServers);
      const state = await gatheredNothing(page);
      // 701: the browser could not reach the TURN server (its TLS handshake was refused).
      for (const errors of state.candidateErrors) {
        expect(errors.length, JSON.stringify(state)).toBeGreaterThan(0);
        expect(new Set(errors.map((e) => `${e.url} ${e.errorCode}`))).toEqual(new Set([`${coturn.tlsUrl} 701`]));
      }
    } finally {
      await wary.close();
    }
  });
});
