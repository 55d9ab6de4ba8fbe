import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { signOut } from '../../api/auth';
import { isApiError } from '../../api/client';
import { applySession } from './sessionQuery';

export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await signOut();
      } catch (err) {
        // Already signed out on the server: finishing locally is exactly what the person wants.
        if (!(isApiError(err) && err.status === 401)) throw err;
      }
    },
    onSuccess: () => {
      applySession(client, null);
      void navigate('/sign-in', { replace: true });
    },
  });
}
