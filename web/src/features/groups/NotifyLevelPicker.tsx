import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFY_LEVELS, setGroupNotifications, type GroupView, type NotifyLevel } from '../../api/groups';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { useGroupMutation } from './useGroupMutation';

/** A member's notification level for the group: every post, highlights only, or nothing. Saved on choice. */
export function NotifyLevelPicker({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useGroupMutation(group.id, (level: NotifyLevel) => setGroupNotifications(group.id, level));
  // The choice is held in component state, set in the same event as the click: React restores a controlled
  // radio to its old value after the event unless state changed synchronously, and the mutation's pending
  // state arrives a tick later. Cleared once the save settles (the group has been read again by then).
  const [chosen, setChosen] = useState<NotifyLevel | null>(null);
  if (!group.membership) return null;
  const current = chosen ?? group.membership.notify;
  const choose = (level: NotifyLevel) => {
    setChosen(level);
    save.mutate(level, { onSettled: () => setChosen((now) => (now === level ? null : now)) });
  };
  return (
    <fieldset className="choice-group notify-level" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('groups.notify.label')}</legend>
      <div className="notify-level__choices">
        {NOTIFY_LEVELS.map((level) => (
          <label key={level} className="choice">
            <input type="radio" name={`${id}-notify`} value={level} checked={current === level} onChange={() => choose(level)} />
            <span className="choice__label">{t(`groups.notify.${level}`)}</span>
          </label>
        ))}
      </div>
      <p className="choice__hint" id={`${id}-hint`}>
        {t('groups.notify.hint')}
      </p>
      <p className="sr-only" role="status">
        {save.isSuccess ? t('groups.notify.saved') : ''}
      </p>
      <ErrorAlert message={save.isError ? errorMessage(t, save.error) : null} />
    </fieldset>
  );
}
