import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types';

/** The people picked so far, each with a button to take them off again. */
export function ChosenPeople({ people, onRemove }: { people: Person[]; onRemove(p: Person): void }) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <div className="chosen">
      <p className="field__label">{t('chat.chosen', { count: people.length })}</p>
      <ul className="chips">
        {people.map((p) => (
          <li key={p.id} className="chip">
            <span>{p.displayName}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t('common.removeName', { name: p.displayName })}
              onClick={() => onRemove(p)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const togglePerson = (list: Person[], p: Person): Person[] =>
  list.some((x) => x.id === p.id) ? list.filter((x) => x.id !== p.id) : [...list, p];
