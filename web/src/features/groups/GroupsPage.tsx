import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import { useDebounced } from '../../ui/useDebounced';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';
import { CreateGroupDialog } from './CreateGroupDialog';
import { GroupList } from './GroupList';

export function GroupsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('groups.title'), org.name);
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  return (
    <section className="page page--wide">
      <header className="page__header page__header--split">
        <div>
          <h1 className="page__title">{t('groups.title')}</h1>
          <p className="page__lead">{t('groups.lead')}</p>
        </div>
        <CreateGroupDialog />
      </header>
      <div className="filters" role="search" aria-label={t('groups.searchLabel')}>
        <div className="filters__search">
          <TextField
            label={t('groups.search')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('groups.searchPlaceholder')}
            autoComplete="off"
          />
        </div>
      </div>
      <section className="section" aria-labelledby="groups-mine">
        <h2 id="groups-mine" className="section__title">
          {t('groups.mine')}
        </h2>
        <GroupList filter="mine" q={search} titleId="groups-mine" empty={t('groups.mineEmpty')} />
      </section>
      <section className="section" aria-labelledby="groups-discover">
        <h2 id="groups-discover" className="section__title">
          {t('groups.discover')}
        </h2>
        <GroupList filter="discover" q={search} titleId="groups-discover" empty={t('groups.discoverEmpty')} />
      </section>
    </section>
  );
}
