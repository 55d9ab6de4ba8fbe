import { useSyncExternalStore } from 'react';

/**
 * Posts announced by the server but not shown yet, by feed ("group:<id>", "home"). A feed shows
 * "N new posts" instead of moving what the reader is looking at; "show" reloads it and clears this.
 */
const pending = new Map<string, readonly string[]>();
const listeners = new Set<() => void>();
const EMPTY: readonly string[] = [];

function notify(): void {
  for (const l of listeners) l();
}

export function addNewPost(scope: string, postId: string): void {
  const now = pending.get(scope) ?? EMPTY;
  if (now.includes(postId)) return;
  pending.set(scope, [...now, postId]);
  notify();
}

/** Forgets one post (mine, already shown; or deleted before anyone asked to see it) in every feed. */
export function forgetNewPost(postId: string): void {
  let changed = false;
  for (const [scope, ids] of pending) {
    if (ids.includes(postId)) {
      pending.set(
        scope,
        ids.filter((x) => x !== postId),
      );
      changed = true;
    }
  }
  if (changed) notify();
}

export function clearNewPosts(scope: string): void {
  if (pending.delete(scope)) notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNewPosts(scope: string): readonly string[] {
  return useSyncExternalStore(subscribe, () => pending.get(scope) ?? EMPTY);
}
