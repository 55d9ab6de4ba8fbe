import { qualityOf, summarise, type Quality, type StatsSummary } from './stats';
import type { MediaLink } from './types';

const SPEAKING_EVERY_MS = 400;
const QUALITY_EVERY_MS = 2_000;
/** Audio level (0..1) above which someone counts as speaking; room noise stays well under it. */
const SPEAKING_LEVEL = 0.03;

/**
 * Who is speaking (the receivers' audio levels, and my microphone's when not muted) and how good the
 * connection is (getStats), read on timers while the call has a link.
 */
export class CallMonitor {
  private speakingTimer: ReturnType<typeof setInterval>;
  private qualityTimer: ReturnType<typeof setInterval>;
  private last: StatsSummary | null = null;

  constructor(
    private readonly link: MediaLink,
    private readonly me: { id: string; muted: () => boolean },
    private readonly report: (update: { speaking?: string[]; quality?: Quality | null }) => void,
  ) {
    this.speakingTimer = setInterval(() => void this.readSpeaking(), SPEAKING_EVERY_MS);
    this.qualityTimer = setInterval(() => void this.readQuality(), QUALITY_EVERY_MS);
  }

  private async readSpeaking(): Promise<void> {
    const speaking: string[] = [];
    const sender = this.link.audioSender();
    if (sender?.track && !this.me.muted()) {
      const report = await sender.getStats().catch(() => null);
      report?.forEach((s: { type: string; kind?: string; audioLevel?: number }) => {
        if (s.type === 'media-source' && s.kind === 'audio' && (s.audioLevel ?? 0) > SPEAKING_LEVEL) speaking.push(this.me.id);
      });
    }
    for (const { pc } of this.link.peers()) {
      for (const receiver of pc.getReceivers()) {
        if (receiver.track.kind !== 'audio') continue;
        const owner = this.link.ownerOf(receiver.track.id);
        const source = receiver.getSynchronizationSources()[0];
        // A muted microphone still sends silence, so the last level read goes back to zero.
        if (owner && source && (source.audioLevel ?? 0) > SPEAKING_LEVEL) speaking.push(owner.personId);
      }
    }
    this.report({ speaking: [...new Set(speaking)].sort() });
  }

  private async readQuality(): Promise<void> {
    const now = await summarise(this.link).catch(() => null);
    if (!now) return;
    this.report({ quality: qualityOf(now, this.last) });
    this.last = now;
  }

  stop(): void {
    clearInterval(this.speakingTimer);
    clearInterval(this.qualityTimer);
  }
}
