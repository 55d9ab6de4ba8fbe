import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  integrationKey,
  integrationsKey,
  removeIntegrationAvatar,
  updateIntegration,
  uploadIntegrationAvatar,
  type Integration,
  type IntegrationPatch,
  type Scope,
} from '../../../api/integrations';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { fieldErrors, formError } from '../../../ui/errors';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { PhotoPicker } from '../../profile/PhotoEditor';
import { ScopeChoices } from './Choices';
import { NameFields } from './NameFields';

/** Saves a change to the integration and refreshes it everywhere it is shown. */
function useUpdate(integration: Integration, onError: (errors: Record<string, string>) => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: IntegrationPatch) => updateIntegration(integration.id, patch),
    onSuccess: (saved) => {
      client.setQueryData(integrationKey(integration.id), saved);
      void client.invalidateQueries({ queryKey: integrationsKey, exact: true });
    },
    onError: (error) => onError(fieldErrors(t, error)),
  });
}

/** What the integration's tokens may do; a change applies to every token at once. */
export function PermissionsSection({ integration }: { integration: Integration }) {
  const { t } = useTranslation();
  const [scopes, setScopes] = useState<Scope[]>(integration.scopes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useUpdate(integration, setErrors);
  const changed = scopes.join() !== integration.scopes.join();
  function submit(event: FormEvent): void {
    event.preventDefault();
    setErrors({});
    save.mutate({ scopes });
  }
  return (
    <section className="card section integ-area--tall" aria-labelledby="integration-scopes-title">
      <h2 id="integration-scopes-title" className="section__title">
        {t('integrations.scopes.title')}
      </h2>
      <p className="muted">{t('integrations.scopes.lead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ScopeChoices
          legendHidden
          selected={scopes}
          onChange={(next) => {
            setScopes(next);
            save.reset();
          }}
          error={errors.scopes}
        />
        <ErrorAlert message={save.isError ? formError(t, save.error, ['scopes']) : null} />
        {save.isSuccess && !changed ? <Alert tone="success">{t('integrations.scopes.saved')}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={save.isPending} disabled={!changed}>
            {t('integrations.scopes.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The name people see beside the bot's posts and messages, and what it is for. */
export function AboutSection({ integration }: { integration: Integration }) {
  const { t } = useTranslation();
  const [name, setName] = useState(integration.name);
  const [description, setDescription] = useState(integration.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const save = useUpdate(integration, setErrors);
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: t('integrations.form.nameRequired') });
    setErrors({});
    save.mutate({ name: name.trim(), description: description.trim() || null });
  }
  return (
    <section className="card section" aria-labelledby="integration-about-title">
      <h2 id="integration-about-title" className="section__title">
        {t('integrations.about.title')}
      </h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <NameFields name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
        <ErrorAlert message={save.isError ? formError(t, save.error, ['name', 'description']) : null} />
        {save.isSuccess ? <Alert tone="success">{t('integrations.about.saved')}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={save.isPending}>
            {t('integrations.about.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The bot's picture beside everything it writes (its person's photo). */
export function AvatarSection({ integration }: { integration: Integration }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <PhotoPicker
      name={integration.name}
      photoUrl={integration.photoUrl}
      title={t('integrations.avatar.title')}
      hint={t('integrations.avatar.hint')}
      savedText={t('integrations.avatar.saved')}
      removedText={t('integrations.avatar.removed')}
      upload={(file) => uploadIntegrationAvatar(integration.id, file)}
      remove={() => removeIntegrationAvatar(integration.id)}
      onSaved={(saved) => {
        client.setQueryData(integrationKey(integration.id), saved);
        void client.invalidateQueries({ queryKey: integrationsKey, exact: true });
      }}
    />
  );
}
