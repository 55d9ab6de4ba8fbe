import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createIntegration, integrationsKey, type Scope } from '../../../api/integrations';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { fieldErrors, formError } from '../../../ui/errors';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { ScopeChoices } from './Choices';
import { NameFields } from './NameFields';

const FIELDS = ['name', 'description', 'scopes'];

/** Name, what it is for, and what it may do; made, it opens on its own page for tokens and webhooks. */
export function CreateIntegrationForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const create = useMutation({
    mutationFn: () => createIntegration({ name: name.trim(), description: description.trim() || undefined, scopes }),
    onSuccess: (made) => {
      void client.invalidateQueries({ queryKey: integrationsKey });
      void navigate(`/admin/integrations/${made.id}`, { state: { created: true } });
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('integrations.form.nameRequired') });
      return;
    }
    setErrors({});
    create.mutate();
  }

  return (
    <section className="card section" aria-labelledby="integration-new-title">
      <h2 id="integration-new-title" className="section__title">
        {t('integrations.form.title')}
      </h2>
      <p className="muted">{t('integrations.form.lead')}</p>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={create.isError ? formError(t, create.error, FIELDS) : null} />
        <NameFields name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
        <ScopeChoices selected={scopes} onChange={setScopes} error={errors.scopes} />
        <div className="actions">
          <Button type="submit" busy={create.isPending}>
            {t('integrations.form.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
