import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionsList } from './SessionsList';
import { TwoFactorSection } from './TwoFactorSection';

export function SecurityPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('security.title'), org.name);
  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('security.title')}</h1>
        <p className="page__lead">{t('security.lead')}</p>
      </header>
      <ChangePasswordForm />
      <TwoFactorSection />
      <SessionsList />
    </section>
  );
}
