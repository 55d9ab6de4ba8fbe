import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { ChatNavItem } from '../features/chat/ChatNav';
import { useIsAdmin, useSession } from '../features/session/SessionContext';
import { useSignOut } from '../features/session/useSignOut';
import { Avatar } from '../ui/Avatar';
import { Icon, type IconName } from '../ui/icons';
import { ErrorAlert } from '../ui/Alert';
import { errorMessage } from '../ui/errors';

function Item({ to, icon, label, end }: { to: string; icon: IconName; label: string; end?: boolean }) {
  return (
    <li>
      <NavLink to={to} end={end} className="sidenav__link">
        <Icon name={icon} />
        <span>{label}</span>
      </NavLink>
    </li>
  );
}

export function SideNav() {
  const { t } = useTranslation();
  const { person } = useSession();
  const isAdmin = useIsAdmin();
  const signOut = useSignOut();
  return (
    <nav className="sidenav" aria-label={t('nav.main')}>
      <ul className="sidenav__list">
        <Item to="/" end icon="home" label={t('nav.home')} />
        <Item to="/groups" icon="groups" label={t('nav.groups')} />
        <ChatNavItem variant="side" />
        <Item to="/people" icon="people" label={t('nav.directory')} />
        <Item to="/profile" icon="user" label={t('nav.profile')} />
        <Item to="/security" icon="shield" label={t('nav.security')} />
      </ul>
      {isAdmin ? (
        <>
          <p className="sidenav__heading" id="sidenav-admin">
            {t('nav.admin')}
          </p>
          <ul className="sidenav__list" aria-labelledby="sidenav-admin">
            <Item to="/admin/people" icon="people" label={t('nav.people')} />
            <Item to="/admin/invitations" icon="mail" label={t('nav.invitations')} />
            <Item to="/admin/groups" icon="groups" label={t('nav.groupsAdmin')} />
            <Item to="/admin/profile-fields" icon="edit" label={t('nav.profileFields')} />
            <Item to="/admin/sign-in" icon="shield" label={t('identity.nav.signIn')} />
            <Item to="/admin/sso" icon="link" label={t('sso.nav')} />
            <Item to="/admin/access-codes" icon="key" label={t('identity.nav.accessCodes')} />
            <Item to="/admin/audit-log" icon="log" label={t('identity.nav.auditLog')} />
            <Item to="/admin/provisioning" icon="admin" label={t('imports.page.nav')} />
            <Item to="/admin/integrations" icon="bot" label={t('integrations.nav')} />
          </ul>
        </>
      ) : null}
      <div className="sidenav__account">
        <div className="sidenav__me">
          <Avatar name={person.displayName} photoUrl={person.photoUrl} size="sm" />
          <span className="sidenav__name">{person.displayName}</span>
        </div>
        <ErrorAlert message={signOut.isError ? errorMessage(t, signOut.error) : null} />
        <button type="button" className="sidenav__link sidenav__signout" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          <Icon name="logout" />
          <span>{t('nav.signOut')}</span>
        </button>
      </div>
    </nav>
  );
}
