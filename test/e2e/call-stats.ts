import type { Page } from 'playwright-core';

/** What the app's call test hook (`window.__commonplaceCall`, web/src/features/calls/engine/testHook.ts) reads from getStats. */
export interface Inbound {
  audioBytes: number;
  videoBytes: number;
  framesDecoded: number;
  totalAudioEnergy: number;
}

export interface CallStats {
  callId: string | null;
  phase: string;
  muted: boolean;
  sharing: boolean;
  peers: Record<
    string,
    { iceConnectionState: string; localCandidateType: string | null; remoteCandidateType: string | null; iceUfrag: string | null }
  >;
  outbound: { audioBytes: number; videoBytes: number };
  /** By remote person, then by their feed. */
  inbound: Record<string, { camera?: Inbound; screen?: Inbound }>;
}

/** The page's call as its connections report it, or null when it is in none. */
export const callStats = (page: Page): Promise<CallStats | null> =>
  page.evaluate(() =>
    (window as unknown as { __commonplaceCall: { stats(): Promise<unknown> } }).__commonplaceCall.stats(),
  ) as Promise<CallStats | null>;

/** What this page receives of one person's camera or screen, if anything. */
export const inboundFrom = async (page: Page, personId: string, feed: 'camera' | 'screen' = 'camera'): Promise<Inbound | undefined> =>
  (await callStats(page))?.inbound[personId]?.[feed];
