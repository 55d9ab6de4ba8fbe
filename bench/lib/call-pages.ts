import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { FAKE_MEDIA, launchChromium } from '../../test/e2e/browser.js';

/** Browsers and pages for the calls benchmark: Debian's Chromium with its fake camera and microphone. */

export function launchFakeMediaChromium(): Promise<Browser> {
  return launchChromium(FAKE_MEDIA);
}

/** A page signed in with this session cookie on the company's host, open on a path, with its socket connected. */
export async function openSignedIn(browser: Browser, cookie: string, host: string, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const [name, value] = cookie.split(';')[0]!.split('=') as [string, string];
  await ctx.addCookies([{ name, value, domain: host.split(':')[0]!, path: '/' }]);
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state') === 'connected');
  return page;
}

interface HookStats {
  phase: string;
  inbound: Record<string, { camera?: { framesDecoded: number } }>;
}

/** What the app's call test hook reads from getStats (null when not in a call). */
export function callStats(page: Page): Promise<HookStats | null> {
  return page.evaluate(() =>
    (window as unknown as { __commonplaceCall?: { stats(): Promise<unknown> } }).__commonplaceCall?.stats(),
  ) as Promise<HookStats | null>;
}

/** Resolves at the first moment (within ~5 ms) the page's call decodes a video frame from this person. */
export async function firstFrameFrom(page: Page, personId: string, timeoutMs = 30_000): Promise<number> {
  await page.waitForFunction(
    async (id) => {
      const s =
        (await (window as unknown as { __commonplaceCall?: { stats(): Promise<HookStats | null> } }).__commonplaceCall?.stats()) ?? null;
      return (s?.inbound[id]?.camera?.framesDecoded ?? 0) > 0;
    },
    personId,
    { polling: 5, timeout: timeoutMs },
  );
  return performance.now();
}

/**
 * The same browser's own floor: two RTCPeerConnections in one page, no server, no network hop,
 * from getUserMedia to the first decoded frame. Milliseconds, measured inside the page.
 */
export function loopbackFirstFrame(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const a = new RTCPeerConnection();
    const b = new RTCPeerConnection();
    a.onicecandidate = (e) => e.candidate && void b.addIceCandidate(e.candidate);
    b.onicecandidate = (e) => e.candidate && void a.addIceCandidate(e.candidate);
    for (const track of stream.getTracks()) a.addTrack(track, stream);
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription!);
    for (;;) {
      let frames = 0;
      (await b.getStats()).forEach((r: { type: string; kind?: string; framesDecoded?: number }) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video') frames = r.framesDecoded ?? 0;
      });
      if (frames > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const elapsed = performance.now() - t0;
    a.close();
    b.close();
    for (const track of stream.getTracks()) track.stop();
    return elapsed;
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
