import { useCombobox } from 'downshift';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Avatar } from '../../ui/Avatar';
import { Icon } from '../../ui/icons';
import { useTypeahead } from './useTypeahead';

/** One choice in the box's list: search everything for the words, or go straight to a person or group. */
type Choice =
  | { kind: 'search'; q: string }
  | { kind: 'person'; id: string; name: string; photoUrl: string | null }
  | { kind: 'group'; id: string; name: string };

const keyOf = (c: Choice) => (c.kind === 'search' ? 'search' : `${c.kind}:${c.id}`);

/**
 * The search box of the top bar: as one types, people and groups whose names start with the words
 * (typeahead), under a first choice that searches everything. Arrow keys move through the list,
 * Enter opens the choice, Escape closes it (a WAI-ARIA combobox, from downshift).
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const typeahead = useTypeahead(text);
  const typed = text.trim();
  const choices: Choice[] =
    typed === ''
      ? []
      : [
          { kind: 'search', q: typed },
          ...(typeahead?.people ?? []).map((p): Choice => ({
            kind: 'person',
            id: p.id,
            name: p.displayName,
            photoUrl: p.photoUrl,
          })),
          ...(typeahead?.groups ?? []).map((g): Choice => ({ kind: 'group', id: g.id, name: g.name })),
        ];
  const open = (c: Choice) => {
    setText('');
    if (c.kind === 'search') void navigate(`/search?q=${encodeURIComponent(c.q)}`);
    else void navigate(c.kind === 'person' ? `/people/${c.id}` : `/groups/${c.id}`);
  };
  const box = useCombobox<Choice>({
    items: choices,
    inputValue: text,
    itemToString: (c) => (c ? (c.kind === 'search' ? c.q : c.name) : ''),
    itemToKey: (c) => (c ? keyOf(c) : null),
    defaultHighlightedIndex: 0,
    selectedItem: null,
    onInputValueChange: ({ inputValue, type }) => {
      // Moving through the list does not write the choice into the box; only typing does.
      if (type === useCombobox.stateChangeTypes.InputChange) setText(inputValue);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) open(selectedItem);
    },
  });
  return (
    <form
      className="searchbox"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed) open({ kind: 'search', q: typed });
      }}
    >
      <label className="sr-only" {...box.getLabelProps()}>
        {t('search.open')}
      </label>
      <span className="searchbox__icon" aria-hidden="true">
        <Icon name="search" />
      </span>
      <input
        className="searchbox__input"
        type="search"
        placeholder={t('search.boxPlaceholder')}
        maxLength={500}
        data-testid="searchbox"
        {...box.getInputProps()}
      />
      <ul className={`searchbox__list${box.isOpen && choices.length > 0 ? '' : ' searchbox__list--closed'}`} {...box.getMenuProps()}>
        {box.isOpen
          ? choices.map((c, index) => (
              <li
                key={keyOf(c)}
                className={`searchbox__item${box.highlightedIndex === index ? ' searchbox__item--active' : ''}`}
                data-testid="searchbox-choice"
                {...box.getItemProps({ item: c, index })}
              >
                {c.kind === 'search' ? (
                  <>
                    <Icon name="search" />
                    <span>{t('search.searchFor', { q: c.q })}</span>
                  </>
                ) : c.kind === 'person' ? (
                  <>
                    <Avatar name={c.name} photoUrl={c.photoUrl} size="sm" />
                    <span>{c.name}</span>
                    <span className="searchbox__kind">{t('search.person')}</span>
                  </>
                ) : (
                  <>
                    <Icon name="groups" />
                    <span>{c.name}</span>
                    <span className="searchbox__kind">{t('search.kind.group')}</span>
                  </>
                )}
              </li>
            ))
          : null}
      </ul>
    </form>
  );
}
