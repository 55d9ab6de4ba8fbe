import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

export const MAX_SKILLS = 30;
const MAX_SKILL_LENGTH = 40;

/** The server drops duplicates ignoring case and accents; do the same here so the list never surprises. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

interface Props {
  skills: string[];
  onChange(skills: string[]): void;
  error?: string;
}

/** Type a skill and press Enter (or "Add"); each chip has its own "Remove …" button. */
export function SkillsInput({ skills, onChange, error }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const full = skills.length >= MAX_SKILLS;

  function add(): void {
    const skill = draft.trim();
    if (skill === '') return;
    if (skills.some((s) => fold(s) === fold(skill))) {
      setNote(t('profile.skillDuplicate', { skill }));
      return;
    }
    if (full) {
      setNote(t('profile.skillsFull', { max: MAX_SKILLS }));
      return;
    }
    onChange([...skills, skill]);
    setDraft('');
    setNote(t('profile.skillAdded', { skill }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter') return;
    // Enter adds the skill instead of submitting the whole form.
    event.preventDefault();
    add();
  }

  function remove(skill: string): void {
    onChange(skills.filter((s) => s !== skill));
    setNote(t('profile.skillRemoved', { skill }));
  }

  return (
    <div className="skills" role="group" aria-labelledby={titleId}>
      <p className="field__label" id={titleId}>
        {t('fields.skills')}
      </p>
      {skills.length > 0 ? (
        <ul className="chips" aria-labelledby={titleId} data-testid="skills">
          {skills.map((s) => (
            <li key={s} className="chip">
              <span>{s}</span>
              <button type="button" className="chip__remove" aria-label={t('profile.removeSkill', { skill: s })} onClick={() => remove(s)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('profile.noSkills')}</p>
      )}
      <div className="chip-input">
        <TextField
          label={t('profile.newSkill')}
          describedById={hintId}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          maxLength={MAX_SKILL_LENGTH}
          disabled={full}
          autoComplete="off"
          name="skills"
          error={error}
        />
        <Button variant="secondary" onClick={add} disabled={full || draft.trim() === ''}>
          {t('profile.addSkill')}
        </Button>
      </div>
      <p className="field__hint" id={hintId}>
        {t('profile.skillsHint')}
      </p>
      <p className="muted" role="status">
        {note ?? ''}
      </p>
    </div>
  );
}
