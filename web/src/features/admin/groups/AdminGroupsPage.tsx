import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchAdminGroups, type AdminGroup } from '../../../api/groups';
import { adminGroupsKey } from '../../../api/queryKeys';
import { ErrorAlert } from '../../../ui/Alert';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { TextField } from '../../../ui/Field';
import { formatDate } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';
import { useDebounced } from '../../../ui/useDebounced';
import { useIsWide } from '../../../ui/useMediaQuery';
import { usePageTitle } from '../../../ui/usePageTitle';
import { VisibilityBadge } from '../../groups/VisibilityBadge';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';

/** Every group of the company, secret ones included: names and members, never content. */
export function AdminGroupsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('adminGroups.title'), org.name);
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const groups = useInfiniteQuery({
    queryKey: [...adminGroupsKey, search],
    queryFn: ({ pageParam }) => fetchAdminGroups(search, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = groups.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">{t('adminGroups.title')}</h1>
        <p className="page__lead">{t('adminGroups.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      <div className="filters" role="search" aria-label={t('adminGroups.search')}>
        <div className="filters__search">
          <TextField label={t('adminGroups.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        </div>
      </div>
      {groups.isPending ? <Loading label={t('adminGroups.loading')} /> : null}
      {groups.isError ? <ErrorAlert message={errorMessage(t, groups.error)} /> : null}
      {groups.isSuccess && items.length === 0 ? (
        <EmptyState title={search ? t('adminGroups.noMatch', { q: search }) : t('adminGroups.empty')} />
      ) : null}
      {items.length > 0 ? <GroupsTable groups={items} /> : null}
      <LoadMore query={groups} />
      <p className="sr-only" role="status">
        {groups.isSuccess ? t('adminGroups.shown', { count: items.length }) : ''}
      </p>
    </section>
  );
}

function GroupsTable({ groups }: { groups: AdminGroup[] }) {
  const { t } = useTranslation();
  const wide = useIsWide();
  if (!wide) {
    return (
      <ul className="person-cards">
        {groups.map((g) => (
          <li key={g.id} className={`person-card card${g.archivedAt ? ' is-muted' : ''}`} data-testid="admin-group-row">
            <div className="person-card__top">
              <Link to={`/groups/${g.id}`} className="group-card__name">
                {g.name}
              </Link>
              <VisibilityBadge visibility={g.visibility} />
            </div>
            <p className="identity__meta">
              {t('groups.memberCount', { count: g.memberCount })} · <Status group={g} />
            </p>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">{t('adminGroups.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminGroups.colName')}</th>
            <th scope="col">{t('adminGroups.colVisibility')}</th>
            <th scope="col">{t('adminGroups.colMembers')}</th>
            <th scope="col">{t('adminGroups.colStatus')}</th>
            <th scope="col">{t('adminGroups.colCreated')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id} className={g.archivedAt ? 'is-muted' : undefined} data-testid="admin-group-row">
              <td>
                <Link to={`/groups/${g.id}`}>{g.name}</Link>
                {g.isCompanyWide ? <span className="badge">{t('adminGroups.companyWide')}</span> : null}
              </td>
              <td>
                <VisibilityBadge visibility={g.visibility} />
              </td>
              <td>{g.memberCount}</td>
              <td>
                <Status group={g} />
              </td>
              <td>{formatDate(g.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Status({ group }: { group: AdminGroup }) {
  const { t } = useTranslation();
  return group.archivedAt ? (
    <span className="badge badge--off">{t('adminGroups.archived')}</span>
  ) : (
    <span className="badge badge--ok">{t('adminGroups.active')}</span>
  );
}
