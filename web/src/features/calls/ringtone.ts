import { useEffect } from 'react';

/**
 * A soft two-tone ring made with WebAudio (no sound file), while mounted. Browsers allow it only once
 * the person has interacted with the page; otherwise the screen rings silently.
 */
export function useRingtone(): void {
  useEffect(() => {
    if (typeof AudioContext === 'undefined') return;
    const ctx = new AudioContext();
    const ring = () => {
      if (ctx.state !== 'running') return;
      const gain = ctx.createGain();
      gain.connect(ctx.destination);
      const t0 = ctx.currentTime;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(0.08, t0 + 0.05);
      gain.gain.setValueAtTime(0.08, t0 + 0.9);
      gain.gain.linearRampToValueAtTime(0, t0 + 1);
      for (const frequency of [440, 480]) {
        const osc = ctx.createOscillator();
        osc.frequency.value = frequency;
        osc.connect(gain);
        osc.start(t0);
        osc.stop(t0 + 1);
      }
    };
    void ctx.resume().catch(() => undefined);
    ring();
    const timer = setInterval(ring, 3_000);
    return () => {
      clearInterval(timer);
      void ctx.close();
    };
  }, []);
}
