import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Person } from '../../../api/types';
import { ErrorAlert } from '../../../ui/Alert';
import { Avatar } from '../../../ui/Avatar';
import { errorMessage } from '../../../ui/errors';
import { formatDate } from '../../../ui/format';
import { roleLabelKey, statusLabelKey } from '../../../ui/roles';
import { useIsWide } from '../../../ui/useMediaQuery';
import { useSession } from '../../session/SessionContext';
import { EditProfileDialog } from './EditProfileDialog';
import { ResetTwoFactorButton } from './ResetTwoFactorButton';
import { RoleSelect } from './RoleSelect';
import { StatusButton } from './StatusButton';
import { usePeopleActions } from './usePeopleActions';

/** A table where there is room for one, cards on a phone; the same controls in both. */
export function PeopleList({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  const wide = useIsWide();
  const { person: me } = useSession();
  const { role, status } = usePeopleActions();
  const canGrantOwner = me.role === 'owner';

  const controls = (p: Person) => {
    const self = p.id === me.id;
    // An admin cannot touch an owner; nobody changes their own role or deactivates themselves.
    const locked = self || (p.role === 'owner' && !canGrantOwner);
    return {
      role: locked ? (
        <span className="role-text">{t(roleLabelKey(p.role))}</span>
      ) : (
        <RoleSelect
          value={p.role}
          personName={p.displayName}
          canGrantOwner={canGrantOwner}
          disabled={p.status === 'deactivated' || (role.isPending && role.variables.id === p.id)}
          onChange={(r) => role.mutate({ id: p.id, role: r })}
        />
      ),
      status: locked ? null : <StatusButton person={p} mutation={status} />,
      // Only an owner resets an owner's second factor; one's own is on the Security page.
      resetTwoFactor: locked ? null : <ResetTwoFactorButton person={p} />,
    };
  };

  const roleError = role.isError ? errorMessage(t, role.error) : null;

  if (wide) {
    return (
      <>
        <ErrorAlert message={roleError} />
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t('people.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.colName')}</th>
                <th scope="col">{t('people.colRole')}</th>
                <th scope="col">{t('people.colStatus')}</th>
                <th scope="col">{t('people.colJoined')}</th>
                <th scope="col">
                  <span className="sr-only">{t('people.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => {
                const c = controls(p);
                return (
                  <tr key={p.id} data-testid="person-row" className={p.status === 'deactivated' ? 'is-muted' : undefined}>
                    <td>
                      <PersonIdentity person={p} isMe={p.id === me.id} />
                    </td>
                    <td>{c.role}</td>
                    <td>
                      <StatusBadge person={p} />
                    </td>
                    <td>{formatDate(p.createdAt)}</td>
                    <td className="table__actions">
                      <EditProfileDialog person={p} /> {c.resetTwoFactor} {c.status}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <>
      <ErrorAlert message={roleError} />
      <ul className="person-cards">
        {people.map((p) => {
          const c = controls(p);
          return (
            <li key={p.id} data-testid="person-row" className={`person-card card${p.status === 'deactivated' ? ' is-muted' : ''}`}>
              <div className="person-card__top">
                <PersonIdentity person={p} isMe={p.id === me.id} />
                <StatusBadge person={p} />
              </div>
              <div className="person-card__controls">
                {c.role}
                <EditProfileDialog person={p} />
                {c.resetTwoFactor}
                {c.status}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function PersonIdentity({ person, isMe }: { person: Person; isMe: boolean }) {
  const { t } = useTranslation();
  const detail = [person.title, person.department].filter(Boolean).join(' · ');
  return (
    <div className="identity">
      <Avatar name={person.displayName} photoUrl={person.photoUrl} size="sm" />
      <div className="identity__text">
        <span className="identity__name">
          <Link to={`/people/${person.id}`}>{person.displayName}</Link>
          {isMe ? <span className="badge">{t('people.you')}</span> : null}
        </span>
        <span className="identity__meta">{person.email ?? t('people.noEmail')}</span>
        {detail ? <span className="identity__meta">{detail}</span> : null}
      </div>
    </div>
  );
}

function StatusBadge({ person }: { person: Person }) {
  const { t } = useTranslation();
  return <span className={`badge ${person.status === 'active' ? 'badge--ok' : 'badge--off'}`}>{t(statusLabelKey(person.status))}</span>;
}
