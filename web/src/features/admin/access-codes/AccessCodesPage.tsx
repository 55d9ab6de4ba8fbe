import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedAccessCode } from '../../../api/identity';
import type { Person } from '../../../api/types';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { AccessCodesList } from './AccessCodesList';
import { AddPersonForm } from './AddPersonForm';
import { IssueCodesForm, type Picked } from './IssueCodesForm';
import { IssuedCodes } from './IssuedCodes';

/**
 * Frontline access: people without e-mail get a username or employee ID and a one-time code,
 * printed or handed over, to choose their password on their phone.
 */
export function AccessCodesPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('identity.codes.title'), org.name);
  const [picked, setPicked] = useState<Picked[]>([]);
  // The codes just issued live only here, in memory, and are gone once the admin is done with them.
  const [issued, setIssued] = useState<IssuedAccessCode[] | null>(null);

  const pick = (p: Pick<Person, 'id' | 'displayName'>) =>
    setPicked((list) => (list.some((x) => x.id === p.id) ? list : [...list, { id: p.id, displayName: p.displayName }]));

  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('identity.codes.title')}</h1>
        <p className="page__lead">{t('identity.codes.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      <section className="card section" aria-labelledby="codes-add">
        <h2 id="codes-add" className="section__title">
          {t('identity.codes.addTitle')}
        </h2>
        <p className="muted">{t('identity.codes.addLead')}</p>
        <AddPersonForm onAdded={pick} />
      </section>
      <section className="card section" aria-labelledby="codes-issue">
        <h2 id="codes-issue" className="section__title">
          {t('identity.codes.issueTitle')}
        </h2>
        {issued ? (
          <IssuedCodes
            codes={issued}
            onDone={() => {
              setIssued(null);
            }}
          />
        ) : (
          <IssueCodesForm
            picked={picked}
            onPick={pick}
            onUnpick={(id) => setPicked((list) => list.filter((x) => x.id !== id))}
            onIssued={(codes) => {
              setIssued(codes);
              setPicked([]);
            }}
          />
        )}
      </section>
      <section className="card section" aria-labelledby="codes-list">
        <h2 id="codes-list" className="section__title">
          {t('identity.codes.listTitle')}
        </h2>
        <AccessCodesList />
      </section>
    </section>
  );
}
