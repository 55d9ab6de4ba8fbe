import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { signOut } from '../../api/auth';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { applySession } from '../session/sessionQuery';

/** An invitation opened in a browser already signed in: accepting it would create another person. */
export function AlreadySignedIn({ name }: { name: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // Signing out here keeps the person on this page, where the join form then appears.
  const mutation = useMutation({ mutationFn: signOut, onSuccess: () => applySession(client, null) });
  return (
    <div className="stack">
      <p>{t('join.signedInAs', { name })}</p>
      <ErrorAlert message={mutation.isError ? errorMessage(t, mutation.error) : null} />
      <div className="actions">
        <Link className="btn btn--primary" to="/">
          {t('join.goHome')}
        </Link>
        <Button variant="secondary" busy={mutation.isPending} onClick={() => mutation.mutate()}>
          {t('join.signOutToJoin')}
        </Button>
      </div>
    </div>
  );
}
