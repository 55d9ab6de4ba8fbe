import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchDirectory, fetchFacets, type DirectoryFilter } from '../../api/people';
import { directoryKey } from '../../api/queryKeys';
import type { Person } from '../../api/types';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { BotBadge } from '../../ui/BotBadge';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { SelectField, TextField } from '../../ui/Field';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { useDebounced } from '../../ui/useDebounced';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';

export function DirectoryPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('directory.title'), org.name);
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState('');
  const [location, setLocation] = useState('');
  const filter: DirectoryFilter = { q: useDebounced(q.trim()), department, location };
  const facets = useQuery({ queryKey: [...directoryKey, 'facets'], queryFn: fetchFacets });
  const people = useInfiniteQuery({
    queryKey: [...directoryKey, filter],
    queryFn: ({ pageParam }) => fetchDirectory(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = filter.q !== '' || department !== '' || location !== '';
  const facetOptions = (list: { value: string; count: number }[] | undefined, all: string) => [
    { value: '', label: all },
    ...(list ?? []).map((f) => ({ value: f.value, label: `${f.value} (${f.count})` })),
  ];

  return (
    <section className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">{t('directory.title')}</h1>
        <p className="page__lead">{t('directory.lead', { company: org.name })}</p>
      </header>
      <div className="filters" role="search" aria-label={t('directory.filters')}>
        <div className="filters__search">
          <TextField
            label={t('directory.search')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('directory.searchPlaceholder')}
            autoComplete="off"
          />
        </div>
        <SelectField
          label={t('fields.department')}
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          options={facetOptions(facets.data?.departments, t('directory.allDepartments'))}
        />
        <SelectField
          label={t('fields.location')}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          options={facetOptions(facets.data?.locations, t('directory.allLocations'))}
        />
      </div>
      {people.isPending ? <Loading label={t('directory.loading')} /> : null}
      <ErrorAlert message={people.isError ? errorMessage(t, people.error) : null} />
      {people.isSuccess && items.length === 0 ? (
        <EmptyState title={filtered ? t('directory.emptyFiltered') : t('directory.empty')}>
          {filtered ? <p>{t('directory.emptyFilteredHint')}</p> : null}
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul className="directory">
          {items.map((p) => (
            <PersonCard key={p.id} person={p} />
          ))}
        </ul>
      ) : null}
      <LoadMore query={people} />
      <p className="sr-only" role="status">
        {people.isSuccess ? t('directory.shown', { count: items.length }) : ''}
      </p>
    </section>
  );
}

function PersonCard({ person }: { person: Person }) {
  return (
    <li className="directory__card card" data-testid="directory-card">
      <Avatar name={person.displayName} photoUrl={person.photoUrl} size="lg" />
      <div className="directory__text">
        <Link to={`/people/${person.id}`} className="directory__name">
          {person.displayName}
        </Link>
        <BotBadge show={person.isBot} />
        {person.title ? <span>{person.title}</span> : null}
        {person.department ? <span className="identity__meta">{person.department}</span> : null}
        {person.location ? <span className="identity__meta">{person.location}</span> : null}
      </div>
    </li>
  );
}
