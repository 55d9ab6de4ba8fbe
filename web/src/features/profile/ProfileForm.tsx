import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProfile } from '../../api/me';
import { profileKey } from '../../api/queryKeys';
import type { Person } from '../../api/types';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { TextAreaField, TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { onlyErrors, validateRequired } from '../../ui/validate';
import { updateSessionPerson } from '../session/sessionQuery';
import { SkillsInput } from './SkillsInput';

const FIELDS = ['displayName', 'title', 'department', 'location', 'phone', 'about', 'skills'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;
export const ABOUT_MAX = 2000;

/** An empty optional field means "not set", which the server stores as null. */
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
/** Characters as a person counts them (an emoji is one), like the server's limit. */
const charCount = (value: string): number => [...value.trim()].length;

export function ProfileForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState(person.displayName);
  const [title, setTitle] = useState(person.title ?? '');
  const [department, setDepartment] = useState(person.department ?? '');
  const [location, setLocation] = useState(person.location ?? '');
  const [phone, setPhone] = useState(person.phone ?? '');
  const [about, setAbout] = useState(person.about ?? '');
  const [skills, setSkills] = useState<string[]>(person.skills);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);

  const mutation = useMutation({
    mutationFn: () =>
      updateProfile({
        displayName: displayName.trim(),
        title: orNull(title),
        department: orNull(department),
        location: orNull(location),
        phone: orNull(phone),
        about: orNull(about),
        skills,
      }),
    onSuccess: (updated) => {
      updateSessionPerson(client, updated);
      setSkills(updated.skills);
      void client.invalidateQueries({ queryKey: profileKey(updated.id) });
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = onlyErrors({
      displayName: validateRequired(t, displayName),
      about: charCount(about) > ABOUT_MAX ? t('validation.maxLength', { count: ABOUT_MAX }) : undefined,
    });
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  return (
    <section className="card section" aria-labelledby="profile-details">
      <h2 id="profile-details" className="section__title">
        {t('profile.details')}
      </h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={mutation.isError ? formError(t, mutation.error, FIELDS) : null} />
        <TextField
          label={t('fields.name')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          autoComplete="name"
          required
          maxLength={100}
          error={errors.displayName}
        />
        <TextField
          label={t('fields.jobTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          autoComplete="organization-title"
          maxLength={100}
          error={errors.title}
        />
        <TextField
          label={t('fields.department')}
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          maxLength={100}
          error={errors.department}
        />
        <TextField
          label={t('fields.location')}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          maxLength={100}
          error={errors.location}
        />
        <TextField
          label={t('fields.phone')}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          autoComplete="tel"
          maxLength={40}
          error={errors.phone}
        />
        <TextAreaField
          label={t('fields.about')}
          hint={`${t('profile.aboutHint')} ${t('profile.aboutCount', { used: charCount(about), max: ABOUT_MAX })}`}
          value={about}
          onChange={(e) => setAbout(e.target.value)}
          rows={5}
          error={errors.about}
        />
        <SkillsInput skills={skills} onChange={setSkills} error={errors.skills} />
        <div className="actions">
          <Button type="submit" busy={mutation.isPending}>
            {t('profile.save')}
          </Button>
        </div>
        {mutation.isSuccess ? <Alert tone="success">{t('profile.saved')}</Alert> : null}
      </form>
    </section>
  );
}
