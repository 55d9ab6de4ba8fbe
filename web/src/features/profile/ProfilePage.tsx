import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../ui/usePageTitle';
import { roleLabelKey } from '../../ui/roles';
import { useSession } from '../session/SessionContext';
import { CompanyFieldsSection } from './CompanyFieldsSection';
import { LanguageSection } from './LanguageSection';
import { PhotoEditor } from './PhotoEditor';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation();
  const { person, org } = useSession();
  usePageTitle(t('profile.title'), org.name);
  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('profile.title')}</h1>
        <p className="page__lead">
          {person.email ? t('profile.signedInWith', { email: person.email }) : null}{' '}
          {t('profile.yourRole', { role: t(roleLabelKey(person.role)) })}{' '}
          <Link to={`/people/${person.id}`}>{t('profile.viewProfile')}</Link>
        </p>
      </header>
      <PhotoEditor person={person} />
      <ProfileForm person={person} />
      <CompanyFieldsSection />
      <LanguageSection person={person} />
    </section>
  );
}
