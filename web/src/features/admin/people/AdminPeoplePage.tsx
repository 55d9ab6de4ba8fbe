import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPeople, type PeopleFilter } from '../../../api/admin';
import { adminPeopleKey } from '../../../realtime/applyEvent';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { PeopleFilters } from './PeopleFilters';
import { PeopleList } from './PeopleList';

export function AdminPeoplePage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('people.title'), org.name);
  const [filter, setFilter] = useState<PeopleFilter>({ q: '', role: '', status: '' });
  const [q, setQ] = useState('');
  // Search as the person types, but not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.q === q.trim() ? f : { ...f, q: q.trim() })), 300);
    return () => clearTimeout(timer);
  }, [q]);

  const people = useInfiniteQuery({
    queryKey: [...adminPeopleKey, filter],
    queryFn: ({ pageParam }) => fetchPeople(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = filter.q !== '' || filter.role !== '' || filter.status !== '';

  return (
    <section className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">{t('people.title')}</h1>
        <p className="page__lead">{t('people.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      <PeopleFilters q={q} onQ={setQ} filter={filter} onFilter={setFilter} />
      {people.isPending ? <Loading label={t('people.loading')} /> : null}
      {people.isError ? <ErrorAlert message={errorMessage(t, people.error)} /> : null}
      {people.isSuccess && items.length === 0 ? (
        <EmptyState title={filtered ? t('people.emptyFiltered') : t('people.empty')}>
          {filtered ? <p>{t('people.emptyFilteredHint')}</p> : null}
        </EmptyState>
      ) : null}
      {items.length > 0 ? <PeopleList people={items} /> : null}
      {people.hasNextPage ? (
        <div className="actions actions--center">
          <Button variant="secondary" busy={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
      <p className="sr-only" role="status">
        {people.isSuccess ? t('people.shown', { count: items.length }) : ''}
      </p>
    </section>
  );
}
