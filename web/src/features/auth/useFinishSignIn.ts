import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { isPendingStep, type SignInResult } from '../../api/identity';
import { withQuery } from '../../api/client';
import { safeNext } from '../../routes/guards';
import { applySession } from '../session/sessionQuery';

/** Where a sign-in that needs one more step continues. */
export const continuePath = (step: string, challenge: string, returnTo: string): string =>
  withQuery('/sign-in/continue', { challenge, step, returnTo: safeNext(returnTo) });

/**
 * What every way of signing in does with the server's answer: a session (200) is stored the same
 * way the sign-in page always did, then the person goes where they were heading (an in-app path
 * only); a remaining step (202) opens the continue page for it.
 */
export function useFinishSignIn(): (result: SignInResult, returnTo: string | null) => void {
  const client = useQueryClient();
  const navigate = useNavigate();
  // From one step to the next, the spent step is replaced: "back" cannot return to it.
  const onStep = useLocation().pathname === '/sign-in/continue';
  return useCallback(
    (result, returnTo) => {
      if (isPendingStep(result)) {
        void navigate(continuePath(result.step, result.challenge, returnTo ?? '/'), { replace: onStep });
        return;
      }
      const { recoveryCodes: _shown, ...info } = result;
      applySession(client, info);
      void navigate(safeNext(returnTo), { replace: true });
    },
    [client, navigate, onStep],
  );
}
