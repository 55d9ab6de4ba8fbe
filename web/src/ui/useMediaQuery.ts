import { useSyncExternalStore } from 'react';

/** True while the media query matches; re-renders when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

/** The width from which the side bar replaces the bottom tab bar (kept in step with layout.css). */
export const useIsWide = (): boolean => useMediaQuery('(min-width: 1024px)');
