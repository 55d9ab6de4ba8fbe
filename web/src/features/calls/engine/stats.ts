import type { Feed, MediaLink } from './types';

export type Quality = 'good' | 'fair' | 'poor';

/** What one remote feed brought in, for the test hook and the quality indicator. */
export interface InboundSummary {
  audioBytes: number;
  videoBytes: number;
  framesDecoded: number;
  /** Cumulative sound energy heard: flat while the person is muted. */
  totalAudioEnergy: number;
  packetsReceived: number;
  packetsLost: number;
  jitter: number;
}

export interface PeerSummary {
  iceConnectionState: RTCIceConnectionState;
  connectionState: RTCPeerConnectionState;
  /** The selected candidate pair's types: host, srflx, prflx or relay. */
  localCandidateType: string | null;
  remoteCandidateType: string | null;
  roundTripTime: number | null;
  /** This side's ICE user fragment: it changes with every ICE restart. */
  iceUfrag: string | null;
}

export interface StatsSummary {
  peers: Record<string, PeerSummary>;
  outbound: { audioBytes: number; videoBytes: number; audioPackets: number };
  /** By person id, then feed. */
  inbound: Record<string, Partial<Record<Feed, InboundSummary>>>;
}

const emptyInbound = (): InboundSummary => ({
  audioBytes: 0,
  videoBytes: 0,
  framesDecoded: 0,
  totalAudioEnergy: 0,
  packetsReceived: 0,
  packetsLost: 0,
  jitter: 0,
});

type Stat = Record<string, unknown> & { type: string; id: string };
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One reading of every connection's getStats, summed per remote person and feed. */
export async function summarise(link: MediaLink): Promise<StatsSummary> {
  const out: StatsSummary = { peers: {}, outbound: { audioBytes: 0, videoBytes: 0, audioPackets: 0 }, inbound: {} };
  for (const { name, pc } of link.peers()) {
    const report = await pc.getStats();
    const stats = new Map<string, Stat>();
    report.forEach((s: Stat) => stats.set(s.id, s));
    let pairId: string | null = null;
    for (const s of stats.values()) if (s.type === 'transport' && str(s.selectedCandidatePairId)) pairId = str(s.selectedCandidatePairId);
    const pair =
      (pairId ? stats.get(pairId) : undefined) ??
      [...stats.values()].find((s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded');
    const local = pair ? stats.get(String(pair.localCandidateId)) : undefined;
    const remote = pair ? stats.get(String(pair.remoteCandidateId)) : undefined;
    out.peers[name] = {
      iceConnectionState: pc.iceConnectionState,
      connectionState: pc.connectionState,
      localCandidateType: str(local?.candidateType),
      remoteCandidateType: str(remote?.candidateType),
      roundTripTime: pair && typeof pair.currentRoundTripTime === 'number' ? pair.currentRoundTripTime : null,
      iceUfrag: /a=ice-ufrag:(\S+)/.exec(pc.localDescription?.sdp ?? '')?.[1] ?? null,
    };
    for (const s of stats.values()) {
      if (s.type === 'outbound-rtp' && name !== 'screen') {
        if (s.kind === 'audio') {
          out.outbound.audioBytes += num(s.bytesSent);
          out.outbound.audioPackets += num(s.packetsSent);
        } else out.outbound.videoBytes += num(s.bytesSent);
      }
      if (s.type !== 'inbound-rtp') continue;
      const owner = link.ownerOf(String(s.trackIdentifier));
      if (!owner) continue;
      const person = (out.inbound[owner.personId] ??= {});
      const feed = (person[owner.feed] ??= emptyInbound());
      if (s.kind === 'audio') {
        feed.audioBytes += num(s.bytesReceived);
        feed.totalAudioEnergy += num(s.totalAudioEnergy);
        feed.jitter = Math.max(feed.jitter, num(s.jitter));
      } else {
        feed.videoBytes += num(s.bytesReceived);
        feed.framesDecoded += num(s.framesDecoded);
      }
      feed.packetsReceived += num(s.packetsReceived);
      feed.packetsLost += num(s.packetsLost);
    }
  }
  return out;
}

/**
 * Good, fair or poor from round-trip time, loss since the last reading and jitter, the way people
 * feel them: past ~300 ms or a few percent lost, speech starts to stumble.
 */
export function qualityOf(now: StatsSummary, before: StatsSummary | null): Quality | null {
  const rtts = Object.values(now.peers)
    .map((p) => p.roundTripTime)
    .filter((r): r is number => r !== null);
  const feeds = Object.values(now.inbound).flatMap((p) => Object.values(p));
  const beforeFeeds = before ? Object.values(before.inbound).flatMap((p) => Object.values(p)) : [];
  if (rtts.length === 0 && feeds.length === 0) return null;
  const rtt = Math.max(0, ...rtts);
  const received = feeds.reduce((n, f) => n + f.packetsReceived, 0) - beforeFeeds.reduce((n, f) => n + f.packetsReceived, 0);
  const lost = feeds.reduce((n, f) => n + f.packetsLost, 0) - beforeFeeds.reduce((n, f) => n + f.packetsLost, 0);
  const loss = received + lost > 0 ? Math.max(0, lost) / (received + Math.max(0, lost)) : 0;
  const jitter = Math.max(0, ...feeds.map((f) => f.jitter));
  if (rtt > 0.6 || loss > 0.08 || jitter > 0.1) return 'poor';
  if (rtt > 0.3 || loss > 0.02 || jitter > 0.03) return 'fair';
  return 'good';
}
