import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { noteOutsideHours } from '../features/session/outsideHours';
import { sessionKey } from '../features/session/sessionQuery';

/** Client errors will not change by asking again; network blips and 5xx might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 on any call means the session ended elsewhere (expiry, revocation): drop it, and the
  // route guard sends the person to the sign-in page. Outside working hours, the guard shows why.
  const onError = (error: unknown): void => {
    if (isApiError(error) && error.status === 401 && error.code === 'unauthenticated') {
      client.setQueryData(sessionKey, null);
    }
    noteOutsideHours(client, error);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
