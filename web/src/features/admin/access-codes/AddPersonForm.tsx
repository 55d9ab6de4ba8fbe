import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createPerson, type NewPerson } from '../../../api/identity';
import type { Person } from '../../../api/types';
import { adminPeopleKey } from '../../../realtime/applyEvent';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { identityFieldErrors, identityFormError } from '../../auth/identityErrors';

type Draft = Required<NewPerson>;
const EMPTY: Draft = { displayName: '', username: '', employeeId: '', title: '', department: '', location: '' };
const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** Someone without e-mail: a name, and a username or employee ID to sign in with. */
export function AddPersonForm({ onAdded }: { onAdded(person: Person): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  const add = useMutation({
    mutationFn: () => {
      // Empty boxes are left out: the server reads a missing field as "none".
      const input = Object.fromEntries(
        Object.entries(draft)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v !== ''),
      ) as NewPerson;
      return createPerson({ ...input, ...(input.username ? { username: input.username.toLowerCase() } : {}) });
    },
    onSuccess: (person) => {
      setDraft(EMPTY);
      void client.invalidateQueries({ queryKey: adminPeopleKey });
      onAdded(person);
    },
    onError: (error) => setErrors(identityFieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.displayName.trim() === '') found.displayName = t('validation.required');
    const username = draft.username.trim().toLowerCase();
    if (username !== '' && !USERNAME.test(username)) found.username = t('identity.codes.usernameShape');
    if (username === '' && draft.employeeId.trim() === '') found.username = t('identity.codes.needLogin');
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate();
  }

  return (
    <form ref={formRef} className="form form--wide" onSubmit={submit} noValidate>
      <ErrorAlert message={identityFormError(t, add.error, Object.keys(EMPTY))} />
      <TextField
        label={t('fields.name')}
        value={draft.displayName}
        onChange={set('displayName')}
        autoComplete="off"
        maxLength={200}
        required
        error={errors.displayName}
      />
      <div className="form__row form__row--two">
        <TextField
          label={t('identity.codes.username')}
          hint={t('identity.codes.usernameHint')}
          value={draft.username}
          onChange={set('username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          error={errors.username}
        />
        <TextField
          label={t('fields.employeeId')}
          value={draft.employeeId}
          onChange={set('employeeId')}
          autoComplete="off"
          maxLength={64}
          error={errors.employeeId}
        />
      </div>
      <div className="form__row">
        <TextField label={t('fields.jobTitle')} value={draft.title} onChange={set('title')} maxLength={200} error={errors.title} />
        <TextField
          label={t('fields.department')}
          value={draft.department}
          onChange={set('department')}
          maxLength={200}
          error={errors.department}
        />
        <TextField label={t('fields.location')} value={draft.location} onChange={set('location')} maxLength={100} error={errors.location} />
      </div>
      {add.isSuccess ? <Alert tone="success">{t('identity.codes.added', { name: add.data.displayName })}</Alert> : null}
      <div className="actions">
        <Button type="submit" busy={add.isPending}>
          {t('identity.codes.add')}
        </Button>
      </div>
    </form>
  );
}
