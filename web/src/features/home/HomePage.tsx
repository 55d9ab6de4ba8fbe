import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar } from '../../ui/Avatar';
import { Icon, type IconName } from '../../ui/icons';
import { usePageTitle } from '../../ui/usePageTitle';
import { HomeFeed } from '../posts/HomeFeed';
import { useIsAdmin, useSession } from '../session/SessionContext';

function greetingKey(hour: number) {
  if (hour < 5 || hour >= 18) return 'home.greetingEvening' as const;
  if (hour < 12) return 'home.greetingMorning' as const;
  return 'home.greetingAfternoon' as const;
}

function QuickLink({ to, icon, title, body }: { to: string; icon: IconName; title: string; body: string }) {
  return (
    <li>
      <Link to={to} className="quick-link">
        <span className="quick-link__icon">
          <Icon name={icon} />
        </span>
        <span className="quick-link__text">
          <span className="quick-link__title">{title}</span>
          <span className="quick-link__body">{body}</span>
        </span>
      </Link>
    </li>
  );
}

/** The company's front page: a greeting, first steps, and the news feed. */
export function HomePage() {
  const { t } = useTranslation();
  const { person, org } = useSession();
  const isAdmin = useIsAdmin();
  usePageTitle(t('nav.home'), org.name);
  const firstName = person.displayName.split(/\s+/)[0] ?? person.displayName;
  const profileIncomplete = !person.photoUrl || !person.title || !person.department;

  return (
    <section className="page">
      <div className="hero card">
        <Avatar name={person.displayName} photoUrl={person.photoUrl} size="lg" />
        <div>
          <h1 className="page__title">{t(greetingKey(new Date().getHours()), { name: firstName })}</h1>
          <p className="hero__org">{t('home.welcomeTo', { company: org.name })}</p>
        </div>
      </div>

      {isAdmin ? (
        <section className="section" aria-labelledby="home-admin">
          <h2 id="home-admin" className="section__title">
            {t('home.adminTitle')}
          </h2>
          <ul className="quick-links">
            <QuickLink to="/admin/invitations" icon="mail" title={t('home.invitePeople')} body={t('home.invitePeopleBody')} />
            <QuickLink to="/admin/people" icon="people" title={t('home.manageAccounts')} body={t('home.manageAccountsBody')} />
          </ul>
        </section>
      ) : null}

      {profileIncomplete ? (
        <section className="section card nudge" aria-labelledby="home-you">
          <h2 id="home-you" className="section__title">
            {t('home.youTitle')}
          </h2>
          <p className="muted">{t('home.completeProfileBody')}</p>
          <Link to="/profile" className="btn btn--secondary">
            {t('home.completeProfile')}
          </Link>
        </section>
      ) : null}

      <HomeFeed canPost={person.role !== 'guest'} />
    </section>
  );
}
