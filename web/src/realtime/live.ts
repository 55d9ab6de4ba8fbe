import { useEffect } from 'react';
import type { ClientFrame, RealtimeSignal } from '../../../protocol/events';

/**
 * The live side of the one realtime connection, for features: signals heard, frames to send, and
 * what this device has told the server (whom it watches, whether it is in use), which a new socket
 * must be told again.
 */
type Send = (frame: ClientFrame) => boolean;

let sender: Send | null = null;
let readyCount = 0;
const signalListeners = new Set<(signal: RealtimeSignal) => void>();
const readyListeners = new Set<(reconnected: boolean) => void>();
const watched = new Map<string, number>();
let presence: 'active' | 'away' = 'active';
let connectionId: string | null = null;
const connectionListeners = new Set<(connectionId: string) => void>();

export function attachSender(send: Send | null): void {
  sender = send;
  if (!send) {
    readyCount = 0;
    connectionId = null;
  }
}

/** This socket's id (this device, for calls), or null before the server named it. */
export const currentConnectionId = (): string | null => connectionId;

/** The server named a (new) socket: a call under way keeps its place with it (calls feature). */
export function emitConnection(id: string): void {
  if (id === connectionId) return;
  connectionId = id;
  for (const listener of connectionListeners) listener(id);
}

export function onConnection(listener: (connectionId: string) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

export const sendFrame = (frame: ClientFrame): boolean => sender?.(frame) ?? false;

export function emitSignal(signal: RealtimeSignal): void {
  for (const listener of signalListeners) listener(signal);
}

/** A socket is ready: restate the watch list and presence, then tell features (`reconnected` after the first). */
export function emitReady(): boolean {
  readyCount += 1;
  const reconnected = readyCount > 1;
  sendFrame({ kind: 'presence', status: presence });
  if (watched.size > 0) sendWatch();
  for (const listener of readyListeners) listener(reconnected);
  return reconnected;
}

export function onSignal(listener: (signal: RealtimeSignal) => void): () => void {
  signalListeners.add(listener);
  return () => signalListeners.delete(listener);
}

export function onReady(listener: (reconnected: boolean) => void): () => void {
  readyListeners.add(listener);
  return () => readyListeners.delete(listener);
}

function sendWatch(): void {
  sendFrame({ kind: 'watch', personIds: [...watched.keys()].slice(0, 200) });
}

/** Hear about these people's presence while mounted; several screens may watch the same person. */
export function useWatchPresence(personIds: string[]): void {
  const key = [...new Set(personIds)].sort().join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) return;
    for (const id of ids) watched.set(id, (watched.get(id) ?? 0) + 1);
    sendWatch();
    return () => {
      for (const id of ids) {
        const n = (watched.get(id) ?? 1) - 1;
        if (n <= 0) watched.delete(id);
        else watched.set(id, n);
      }
      sendWatch();
    };
  }, [key]);
}

const IDLE_AFTER_MS = 5 * 60_000;

/** Tells the server whether this device is in use: away when the tab is hidden or idle, active when back. */
export function usePresenceReporter(): void {
  useEffect(() => {
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let lastActivity = 0;
    const set = (status: 'active' | 'away') => {
      if (status === presence) return;
      presence = status;
      sendFrame({ kind: 'presence', status });
    };
    const armIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => set('away'), IDLE_AFTER_MS);
    };
    const onActivity = () => {
      // Input events come in bursts: rearm the idle timer at most once a second.
      const now = Date.now();
      if (presence === 'active' && now - lastActivity < 1000) return;
      lastActivity = now;
      if (document.visibilityState === 'visible') set('active');
      armIdle();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') onActivity();
      else {
        clearTimeout(idleTimer);
        set('away');
      }
    };
    presence = document.visibilityState === 'visible' ? 'active' : 'away';
    armIdle();
    const events = ['pointerdown', 'keydown', 'scroll', 'focus'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(idleTimer);
      for (const e of events) window.removeEventListener(e, onActivity);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
