import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDirectory } from '../../api/people';
import { directoryKey } from '../../api/queryKeys';
import type { Person } from '../../api/types';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { errorMessage } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { useDebounced } from '../../ui/useDebounced';

interface Props {
  label: string;
  selected: ReadonlyArray<{ id: string }>;
  onToggle(person: Person): void;
  /** A server message about the choice, read out with the search box. */
  error?: string;
  /** People who cannot be picked (oneself as one's own manager, say). */
  exclude?: string[];
}

/** Search the directory and pick people; each result is a toggle button that says if it is picked. */
export function PersonPicker({ label, selected, onToggle, exclude = [], error }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const results = useQuery({
    queryKey: [...directoryKey, 'pick', search],
    queryFn: () => fetchDirectory({ q: search, department: '', location: '' }, undefined, 8),
    enabled: search !== '',
  });
  const picked = new Set(selected.map((p) => p.id));
  const items = (results.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <div className="picker">
      <TextField
        label={label}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('people.pickPlaceholder')}
        autoComplete="off"
        error={error}
      />
      {results.isFetching ? <Loading /> : null}
      <ErrorAlert message={results.isError ? errorMessage(t, results.error) : null} />
      {results.isSuccess && items.length === 0 ? <p className="muted">{t('people.noMatch', { q: search })}</p> : null}
      {items.length > 0 ? (
        <ul className="picker__results">
          {items.map((p) => (
            <li key={p.id}>
              <button type="button" className="picker__item" aria-pressed={picked.has(p.id)} onClick={() => onToggle(p)}>
                <Avatar name={p.displayName} photoUrl={p.photoUrl} size="sm" />
                <span className="picker__text">
                  <span className="picker__name">{p.displayName}</span>
                  {p.title ? <span className="identity__meta">{p.title}</span> : null}
                </span>
                <span className="picker__check" aria-hidden="true">
                  {picked.has(p.id) ? '✓' : '+'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
