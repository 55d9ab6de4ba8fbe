import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  fetchSearch,
  fetchTypeahead,
  resultLink,
  type SearchFilter,
  type SearchResult,
  type SearchResultKind,
  type Snippet,
} from '../../api/search';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { SelectField, TextField } from '../../ui/Field';
import { formatRelative } from '../../ui/format';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { useDebounced } from '../../ui/useDebounced';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';
import { fromOf, SearchFilters, WHEN, type When } from './SearchFilters';

const KINDS: Array<SearchResultKind | ''> = ['', 'post', 'comment', 'message', 'group', 'file'];

/**
 * /search?q=&type=&sort=: everything the person may see that matches, with the matching words
 * marked. The address holds the search, so it can be shared, bookmarked and gone back to.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('search.title'), org.name);
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typeParam = params.get('type') ?? '';
  const type = (KINDS as string[]).includes(typeParam) ? (typeParam as SearchResultKind | '') : '';
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const whenParam = params.get('when') ?? '';
  const when = (WHEN as readonly string[]).includes(whenParam) ? (whenParam as When) : '';
  const group = params.get('group') ?? '';
  const author = params.get('author') ?? '';
  const q = useDebounced(text.trim());

  // Replacing, not pushing: no history entry per letter or toggle.
  const set = useCallback(
    (key: string, value: string) => {
      const next = new URLSearchParams(params);
      if (value) next.set(key, value);
      else next.delete(key);
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  // The typed words go to the address once typing pauses.
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) set('q', q);
  }, [q, params, set]);

  const filter: SearchFilter = { q, type, sort, from: fromOf(when), group: group || undefined, author: author || undefined };
  const results = useInfiniteQuery({
    queryKey: ['search', filter],
    queryFn: ({ pageParam }) => fetchSearch(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q !== '',
  });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  // People and groups by name, beside the results (the directory and group lists hold the rest).
  const suggestions = useQuery({
    queryKey: ['search', 'typeahead', q],
    queryFn: () => fetchTypeahead(q),
    enabled: q !== '' && type === '',
  });
  const people = suggestions.data?.people ?? [];
  const groups = suggestions.data?.groups ?? [];

  return (
    <section className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">{t('search.title')}</h1>
      </header>
      <div className="filters" role="search" aria-label={t('search.title')}>
        <div className="filters__search">
          <TextField
            label={t('search.label')}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            maxLength={500}
            autoFocus
          />
        </div>
        <SelectField
          label={t('search.sortLabel')}
          value={sort}
          onChange={(e) => set('sort', e.target.value === 'date' ? 'date' : '')}
          options={[
            { value: 'relevance', label: t('search.sort.relevance') },
            { value: 'date', label: t('search.sort.date') },
          ]}
        />
      </div>
      <SearchFilters when={when} group={group} author={author} set={set} />
      <div className="kind-filter" role="group" aria-label={t('search.typeLabel')}>
        {KINDS.map((k) => (
          <button key={k || 'all'} type="button" className="kind-filter__item" aria-pressed={type === k} onClick={() => set('type', k)}>
            {t(`search.types.${k || 'all'}`)}
          </button>
        ))}
      </div>
      {people.length > 0 || groups.length > 0 ? (
        <nav className="search-suggestions" aria-label={t('search.suggestions')}>
          {people.length > 0 ? (
            <ul className="search-suggestions__list" aria-label={t('search.people')}>
              {people.map((p) => (
                <li key={p.id}>
                  <Link to={`/people/${p.id}`} className="search-suggestion" data-testid="suggestion">
                    <Avatar name={p.displayName} photoUrl={p.photoUrl} size="sm" />
                    <span>{p.displayName}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {groups.length > 0 ? (
            <ul className="search-suggestions__list" aria-label={t('search.groups')}>
              {groups.map((g) => (
                <li key={g.id}>
                  <Link to={`/groups/${g.id}`} className="search-suggestion" data-testid="suggestion">
                    <span>{g.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </nav>
      ) : null}
      {q === '' ? <EmptyState title={t('search.start')}>{<p>{t('search.startHint')}</p>}</EmptyState> : null}
      {q !== '' && results.isPending ? <Loading label={t('search.loading')} /> : null}
      <ErrorAlert message={results.isError ? errorMessage(t, results.error) : null} />
      {q !== '' && results.isSuccess && items.length === 0 ? (
        <EmptyState title={t('search.none', { q })}>
          <p>{t('search.noneHint')}</p>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ol className="search-results" aria-label={t('search.results')}>
          {items.map((r) => (
            <ResultItem key={`${r.kind}:${r.id}`} result={r} />
          ))}
        </ol>
      ) : null}
      <LoadMore query={results} />
      <p className="sr-only" role="status">
        {q !== '' && results.isSuccess ? t('search.shown', { count: items.length }) : ''}
      </p>
    </section>
  );
}

function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <p className="search-result__snippet">
      {snippet.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </p>
  );
}

function ResultItem({ result: r }: { result: SearchResult }) {
  const { t } = useTranslation();
  const heading =
    r.kind === 'group'
      ? r.name
      : r.kind === 'file'
        ? r.name
        : r.kind === 'post'
          ? r.groupName
            ? t('search.postIn', { author: r.author.displayName, group: r.groupName })
            : t('search.postBy', { author: r.author.displayName })
          : r.kind === 'comment'
            ? t('search.commentBy', { author: r.author.displayName })
            : t('search.messageFrom', { author: r.author.displayName });
  return (
    <li className="search-result card" data-testid="search-result" data-kind={r.kind}>
      <div className="search-result__top">
        <span className="badge">{t(`search.kind.${r.kind}`)}</span>
        {'createdAt' in r ? <time dateTime={r.createdAt}>{formatRelative(r.createdAt)}</time> : null}
      </div>
      <Link to={resultLink(r)} className="search-result__title">
        {heading}
      </Link>
      <SnippetText snippet={r.snippet} />
    </li>
  );
}
