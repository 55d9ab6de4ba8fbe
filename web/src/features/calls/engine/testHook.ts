import { currentCall } from './session';
import type { StatsSummary } from './stats';

/**
 * Test hook for the browser tests (and for support, from the console): what the call's connections
 * carry, read from getStats, and a forced ICE restart. Reads and a restart only: it can change
 * nothing a person could not.
 */
export interface CallTestHook {
  /** Per connection: ICE state and the selected candidate pair's types; bytes and frames per remote person and feed; bytes sent. */
  stats(): Promise<(StatsSummary & { callId: string | null; phase: string; muted: boolean; camera: boolean; sharing: boolean }) | null>;
  restartIce(): void;
}

declare global {
  interface Window {
    __commonplaceCall?: CallTestHook;
  }
}

export function installCallTestHook(): void {
  window.__commonplaceCall = {
    async stats() {
      const session = currentCall();
      const summary = await session?.stats();
      if (!session || !summary) return null;
      const v = session.view;
      return { ...summary, callId: v.callId, phase: v.phase, muted: v.muted, camera: v.camera, sharing: v.screen !== null };
    },
    restartIce: () => currentCall()?.restartIce(),
  };
}
