import { useQuery } from '@tanstack/react-query';
import { useCombobox } from 'downshift';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchGroups } from '../../api/groups';
import { fetchProfile } from '../../api/people';
import { Avatar } from '../../ui/Avatar';
import { SelectField } from '../../ui/Field';
import { useTypeahead } from './useTypeahead';

export const WHEN = ['', 'week', 'month', 'year'] as const;
export type When = (typeof WHEN)[number];
const DAYS: Record<Exclude<When, ''>, number> = { week: 7, month: 31, year: 366 };

/** The first day a "when" choice includes, as the API's `from` (a date). */
export function fromOf(when: When, now = Date.now()): string | undefined {
  return when ? new Date(now - DAYS[when] * 86_400_000).toISOString().slice(0, 10) : undefined;
}

interface Props {
  when: When;
  group: string;
  author: string;
  set(key: 'when' | 'group' | 'author', value: string): void;
}

/** When, in which group, from whom: each narrows the search, and lives in the address. */
export function SearchFilters({ when, group, author, set }: Props) {
  const { t } = useTranslation();
  const groups = useQuery({ queryKey: ['groups', 'mine', 'search-filter'], queryFn: () => fetchGroups('mine', '') });
  const mine = groups.data?.items ?? [];
  return (
    <div className="search-filters">
      <SelectField
        label={t('search.when.label')}
        value={when}
        onChange={(e) => set('when', e.target.value)}
        options={WHEN.map((w) => ({ value: w, label: t(`search.when.${w || 'any'}`) }))}
      />
      <SelectField
        label={t('search.inGroup')}
        value={group}
        onChange={(e) => set('group', e.target.value)}
        options={[
          { value: '', label: t('search.anyGroup') },
          // A group given in the address but not among mine (an open group) still shows as chosen.
          ...(group && !mine.some((g) => g.id === group) ? [{ value: group, label: t('search.thatGroup') }] : []),
          ...mine.map((g) => ({ value: g.id, label: g.name })),
        ]}
      />
      <AuthorFilter author={author} onChange={(id) => set('author', id)} />
    </div>
  );
}

/** "From": a person picked by name (a combobox over the people typeahead), shown as a removable chip. */
function AuthorFilter({ author, onChange }: { author: string; onChange(id: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const typeahead = useTypeahead(text, !author);
  const chosen = useQuery({ queryKey: ['profile', author], queryFn: () => fetchProfile(author), enabled: author !== '' });
  const people = typeahead?.people ?? [];
  const box = useCombobox({
    items: people,
    inputValue: text,
    itemToString: (p) => p?.displayName ?? '',
    itemToKey: (p) => p?.id ?? null,
    selectedItem: null,
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setText(inputValue);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      setText('');
      onChange(selectedItem.id);
    },
  });
  if (author) {
    const name = chosen.data?.person.displayName ?? '…';
    return (
      <div className="field">
        <span className="field__label">{t('search.from')}</span>
        <span className="search-chip" data-testid="author-filter">
          {name}
          <button type="button" className="search-chip__remove" aria-label={t('search.clearFrom', { name })} onClick={() => onChange('')}>
            ×
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="field searchbox searchbox--field">
      <label className="field__label" {...box.getLabelProps()}>
        {t('search.from')}
      </label>
      <input className="input" type="search" placeholder={t('search.fromPlaceholder')} maxLength={100} {...box.getInputProps()} />
      <ul className={`searchbox__list${box.isOpen && people.length > 0 ? '' : ' searchbox__list--closed'}`} {...box.getMenuProps()}>
        {box.isOpen
          ? people.map((p, index) => (
              <li
                key={p.id}
                className={`searchbox__item${box.highlightedIndex === index ? ' searchbox__item--active' : ''}`}
                {...box.getItemProps({ item: p, index })}
              >
                <Avatar name={p.displayName} photoUrl={p.photoUrl} size="sm" />
                <span>{p.displayName}</span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
