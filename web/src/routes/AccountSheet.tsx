import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIsAdmin, useSession } from '../features/session/SessionContext';
import { useSignOut } from '../features/session/useSignOut';
import { ErrorAlert } from '../ui/Alert';
import { Avatar } from '../ui/Avatar';
import { errorMessage } from '../ui/errors';
import { Icon } from '../ui/icons';

/** The "More" sheet on phones: who is signed in, their profile and settings, security, and signing out. */
export function AccountSheet({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const { person, org } = useSession();
  const signOut = useSignOut();
  const isAdmin = useIsAdmin();
  const close = () => onOpenChange(false);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="sheet">
          <div className="sheet__handle" aria-hidden="true" />
          <Dialog.Title className="sheet__title">{t('account.title')}</Dialog.Title>
          <div className="sheet__me">
            <Avatar name={person.displayName} photoUrl={person.photoUrl} />
            <Dialog.Description className="sheet__who">
              {t('account.signedInAs', { name: person.displayName, company: org.name })}
            </Dialog.Description>
          </div>
          <ul className="sheet__list">
            <li>
              <Link to={`/people/${person.id}`} className="sheet__item" onClick={close}>
                <Icon name="user" />
                <span>{t('nav.myProfile')}</span>
              </Link>
            </li>
            <li>
              <Link to="/profile" className="sheet__item" onClick={close}>
                <Icon name="edit" />
                <span>{t('nav.profile')}</span>
              </Link>
            </li>
            <li>
              <Link to="/security" className="sheet__item" onClick={close}>
                <Icon name="shield" />
                <span>{t('nav.security')}</span>
              </Link>
            </li>
            {isAdmin ? (
              <li>
                <Link to="/admin" className="sheet__item" onClick={close}>
                  <Icon name="admin" />
                  <span>{t('nav.admin')}</span>
                </Link>
              </li>
            ) : null}
            <li>
              <button type="button" className="sheet__item" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                <Icon name="logout" />
                <span>{t('nav.signOut')}</span>
              </button>
            </li>
          </ul>
          <ErrorAlert message={signOut.isError ? errorMessage(t, signOut.error) : null} />
          <Dialog.Close className="btn btn--secondary btn--block">{t('common.close')}</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
