import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditExportUrl, auditKey, fetchAuditLog, type AuditFilter } from '../../../api/identity';
import { ErrorAlert } from '../../../ui/Alert';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';
import { useDebounced } from '../../../ui/useDebounced';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { AuditEntries } from './AuditEntries';
import { AuditFilters, toRange, type AuditFilterDraft } from './AuditFilters';

const EMPTY: AuditFilterDraft = { action: '', q: '', from: '', to: '' };

/** Who did what, when and from where: filtered, read page by page, exported as CSV. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('identity.audit.title'), org.name);
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY);
  const q = useDebounced(draft.q.trim());
  const filter: AuditFilter = { action: draft.action, q, ...toRange(draft.from, draft.to) };
  const entries = useInfiniteQuery({
    queryKey: [...auditKey, filter],
    queryFn: ({ pageParam }) => fetchAuditLog(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = filter.action !== '' || filter.q !== '' || filter.from !== '' || filter.to !== '';

  return (
    <section className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">{t('identity.audit.title')}</h1>
        <p className="page__lead">{t('identity.audit.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      <AuditFilters draft={draft} onChange={setDraft} />
      <div className="actions audit-export">
        {/* A GET with the session cookie: the browser saves the CSV itself. */}
        <a className="btn btn--secondary" href={auditExportUrl(filter)} download>
          {t('identity.audit.export')}
        </a>
        {filtered ? (
          <button type="button" className="link-button" onClick={() => setDraft(EMPTY)}>
            {t('identity.audit.clear')}
          </button>
        ) : null}
      </div>
      {entries.isPending ? <Loading /> : null}
      {entries.isError ? <ErrorAlert message={errorMessage(t, entries.error)} /> : null}
      {entries.isSuccess && items.length === 0 ? (
        <EmptyState title={filtered ? t('identity.audit.emptyFiltered') : t('identity.audit.empty')} />
      ) : null}
      {items.length > 0 ? <AuditEntries entries={items} /> : null}
      <LoadMore query={entries} />
      <p className="sr-only" role="status">
        {entries.isSuccess ? t('identity.audit.shown', { count: items.length }) : ''}
      </p>
    </section>
  );
}
