import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fetchMyFields, setMyFields, type FieldValues, type MyField } from '../../api/people';
import { myFieldsKey, profileKey } from '../../api/queryKeys';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { errorMessage } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { useSession } from '../session/SessionContext';

const INPUT_TYPE = { text: 'text', url: 'url', date: 'date' } as const;

/** The server's reasons for refusing a value, in the person's language when we know them. */
function valueMessage(t: TFunction, message: string): string {
  if (message.startsWith('must be a web address')) return t('profile.fieldUrl');
  if (message.startsWith('must be a date')) return t('profile.fieldDate');
  if (message === 'must be at most 500 characters') return t('validation.maxLength', { count: 500 });
  return message;
}

/** The company's own profile fields; hidden when the company defined none. */
export function CompanyFieldsSection() {
  const { t } = useTranslation();
  const fields = useQuery({ queryKey: myFieldsKey, queryFn: fetchMyFields });
  if (fields.isPending) return <Loading />;
  if (fields.isError) return <ErrorAlert message={errorMessage(t, fields.error)} />;
  if (fields.data.items.length === 0) return null;
  return (
    <section className="card section" aria-labelledby="profile-company-fields">
      <h2 id="profile-company-fields" className="section__title">
        {t('profile.companyFields')}
      </h2>
      <p className="muted">{t('profile.companyFieldsLead')}</p>
      <FieldsForm items={fields.data.items} />
    </section>
  );
}

function FieldsForm({ items }: { items: MyField[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { person } = useSession();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(items.map((f) => [f.id, f.value ?? ''])));
  const save = useMutation({
    mutationFn: () => {
      const body: FieldValues = {};
      for (const f of items) body[f.id] = values[f.id]?.trim() ? (values[f.id]?.trim() ?? null) : null;
      return setMyFields(body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: myFieldsKey });
      void client.invalidateQueries({ queryKey: profileKey(person.id) });
    },
  });
  // A value the server refuses is named by the path values.<fieldId>: show it under that input.
  const perField: Record<string, string> = {};
  if (isApiError(save.error)) {
    const { problem } = save.error;
    const named = problem.errors ?? (problem.field ? [{ field: problem.field, message: problem.detail }] : []);
    for (const e of named) perField[e.field.replace(/^values\./, '')] ??= valueMessage(t, e.message);
  }
  const general = save.isError && Object.keys(perField).length === 0 ? errorMessage(t, save.error) : null;

  function submit(event: FormEvent): void {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={general} />
      {items.map((f) => (
        <TextField
          key={f.id}
          label={f.label}
          type={INPUT_TYPE[f.kind]}
          value={values[f.id] ?? ''}
          onChange={(e) => setValues((v) => ({ ...v, [f.id]: e.target.value }))}
          placeholder={f.kind === 'url' ? 'https://' : undefined}
          maxLength={f.kind === 'text' ? 500 : undefined}
          error={perField[f.id]}
        />
      ))}
      <div className="actions">
        <Button type="submit" busy={save.isPending}>
          {t('profile.saveFields')}
        </Button>
      </div>
      {save.isSuccess ? <Alert tone="success">{t('profile.fieldsSaved')}</Alert> : null}
    </form>
  );
}
