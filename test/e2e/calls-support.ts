import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signedInPage } from './browser.js';

/** What the call suites share: a signed-in page on a conversation, and the app's call test hook. */

/** A page signed in with `cookie` on `http://<host>/chat/<conversationId>`, once its live connection is up. */
export async function openConversation(
  browser: Browser,
  cookie: string,
  host: string,
  conversationId: string,
  viewport: { width: number; height: number },
  locale: string,
): Promise<Awaited<ReturnType<typeof signedInPage>>> {
  const s = await signedInPage(browser, cookie, host.split(':')[0]!, viewport, locale);
  await s.page.goto(`http://${host}/chat/${conversationId}`);
  await expect.poll(() => s.page.getByTestId('connection-status').getAttribute('data-state')).toBe('connected');
  return s;
}

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
