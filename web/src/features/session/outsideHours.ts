import { useQuery, type QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiError } from '../../api/client';
import { sessionKey } from './sessionQuery';

/**
 * A frontline person whose working hours ended gets 403 `outside_working_hours` from every call
 * (and their live connection closes with 4003). The first such answer is kept here, and the
 * signed-in area shows it instead of pages that would each fail on their own.
 */
export const outsideHoursKey = ['outside-working-hours'] as const;

export function noteOutsideHours(client: QueryClient, error: unknown): void {
  if (!isApiError(error) || error.code !== 'outside_working_hours') return;
  // Refused sign-ins say it on the sign-in page; only a live session is put on hold.
  if (!client.getQueryData(sessionKey)) return;
  client.setQueryData(outsideHoursKey, error);
}

/** Back to work: forget the refusal and ask again for everything shown (refused again if still outside). */
export function retryAfterHours(client: QueryClient): void {
  client.setQueryData(outsideHoursKey, null);
  void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== outsideHoursKey[0] });
}

export function useOutsideHours(): ApiError | null {
  const held = useQuery<ApiError | null>({
    queryKey: outsideHoursKey,
    queryFn: () => null,
    enabled: false,
    initialData: null,
    staleTime: Infinity,
  });
  return held.data;
}
