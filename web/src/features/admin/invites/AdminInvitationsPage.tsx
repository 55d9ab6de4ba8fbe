import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { EmailInviteForm } from './EmailInviteForm';
import { InviteLinkForm } from './InviteLinkForm';
import { InvitesList } from './InvitesList';

export function AdminInvitationsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('invites.title'), org.name);
  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('invites.title')}</h1>
        <p className="page__lead">{t('invites.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      <section className="card section" aria-labelledby="invites-email">
        <h2 id="invites-email" className="section__title">
          {t('invites.emailTitle')}
        </h2>
        <EmailInviteForm />
        <h3 className="section__subtitle">{t('invites.sentTitle')}</h3>
        <InvitesList kind="email" />
      </section>
      <section className="card section" aria-labelledby="invites-links">
        <h2 id="invites-links" className="section__title">
          {t('invites.linksTitle')}
        </h2>
        <p className="muted">{t('invites.linksLead')}</p>
        <InviteLinkForm />
        <h3 className="section__subtitle">{t('invites.linksListTitle')}</h3>
        <InvitesList kind="link" />
      </section>
    </section>
  );
}
