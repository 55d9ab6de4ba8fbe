import { BotBadge } from '../../ui/BotBadge';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { fetchProfile, type Profile } from '../../api/people';
import { profileKey } from '../../api/queryKeys';
import { NotFoundPage } from '../../routes/NotFoundPage';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { Fact } from '../../ui/Fact';
import { errorMessage } from '../../ui/errors';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { StartChatButton } from '../chat/StartChatButton';
import { ProfileFeed } from '../posts/ProfileFeed';
import { useSession } from '../session/SessionContext';
import { FollowButton } from './FollowButton';
import { FollowsDialog } from './FollowsDialog';
import { OrgChart } from './OrgChart';
import { PersonGroups } from './PersonGroups';

export function PersonProfilePage() {
  const { t } = useTranslation();
  const { org, person: me } = useSession();
  const { id = '' } = useParams();
  const profile = useQuery({
    queryKey: profileKey(id),
    queryFn: () => fetchProfile(id),
    retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2,
  });
  usePageTitle(profile.data?.person.displayName ?? t('directory.title'), org.name);
  if (profile.isError && isApiError(profile.error) && profile.error.status === 404) return <NotFoundPage />;
  if (profile.isPending) return <Loading block />;
  if (!profile.data) return <ErrorAlert message={errorMessage(t, profile.error)} />;
  const p = profile.data;
  const mine = p.person.id === me.id;
  return (
    <section className="page page--wide">
      <header className="profile-head card">
        <Avatar name={p.person.displayName} photoUrl={p.person.photoUrl} size="lg" />
        <div className="profile-head__text">
          <h1 className="page__title">
            {p.person.displayName} <BotBadge show={p.person.isBot} />
          </h1>
          {p.person.title ? <p className="profile-head__title">{p.person.title}</p> : null}
          <p className="identity__meta">{[p.person.department, p.person.location].filter(Boolean).join(' · ')}</p>
          {p.person.status === 'deactivated' ? <span className="badge badge--off">{t('status.deactivated')}</span> : null}
          <p className="profile-head__counts">
            <FollowsDialog personId={p.person.id} side="followers" count={p.followers} />
            <FollowsDialog personId={p.person.id} side="following" count={p.following} />
          </p>
        </div>
        <div className="profile-head__actions">
          {mine ? (
            <Link to="/profile" className="btn btn--secondary">
              {t('profilePage.edit')}
            </Link>
          ) : (
            <>
              <FollowButton profile={p} />
              {p.person.status === 'deactivated' ? null : (
                <StartChatButton input={{ kind: 'direct', personId: p.person.id }} label={t('chat.messageButton')} />
              )}
            </>
          )}
        </div>
      </header>
      <div className="profile-grid">
        <Details profile={p} />
        <div>
          <OrgChart personId={p.person.id} />
          <PersonGroups personId={p.person.id} />
        </div>
      </div>
      <ProfileFeed personId={p.person.id} name={p.person.displayName} />
      <ErrorAlert message={profile.isError ? errorMessage(t, profile.error) : null} />
    </section>
  );
}

function Details({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { person, manager } = profile;
  return (
    <section className="card section" aria-labelledby="profile-about">
      <h2 id="profile-about" className="section__title">
        {t('profilePage.about')}
      </h2>
      {person.about ? <p className="prewrap">{person.about}</p> : <p className="muted">{t('profilePage.noAbout')}</p>}
      <dl className="facts">
        {manager ? (
          <Fact label={t('profilePage.manager')}>
            <Link to={`/people/${manager.id}`}>{manager.displayName}</Link>
          </Fact>
        ) : null}
        {person.email ? (
          <Fact label={t('fields.email')}>
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </Fact>
        ) : null}
        {person.phone ? (
          <Fact label={t('fields.phone')}>
            <a href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</a>
          </Fact>
        ) : null}
        {profile.fields.map((f) => (
          <Fact key={f.id} label={f.label}>
            {f.kind === 'url' && /^https?:\/\//.test(f.value) ? (
              <a href={f.value} rel="noopener noreferrer" target="_blank">
                {f.value}
              </a>
            ) : f.kind === 'date' ? (
              formatDate(f.value)
            ) : (
              f.value
            )}
          </Fact>
        ))}
      </dl>
      {person.skills.length > 0 ? (
        <>
          <h3 className="section__subtitle">{t('fields.skills')}</h3>
          <ul className="chips" aria-label={t('fields.skills')}>
            {person.skills.map((s) => (
              <li key={s} className="chip">
                {s}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
