import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { integrationKey, integrationsKey, removeIntegration, updateIntegration, type Integration } from '../../../api/integrations';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorMessage } from '../../../ui/errors';

/** Turn the integration off (and on again), or remove it for good; both ask first. */
export function DangerSection({ integration }: { integration: Integration }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<'off' | 'remove' | null>(null);
  const toggle = useMutation({
    mutationFn: (disabled: boolean) => updateIntegration(integration.id, { disabled }),
    onSuccess: (saved) => {
      setAsking(null);
      client.setQueryData(integrationKey(integration.id), saved);
      void client.invalidateQueries({ queryKey: integrationsKey, exact: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => removeIntegration(integration.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: integrationsKey });
      void navigate('/admin/integrations');
    },
  });
  const close = (open: boolean) => {
    if (open) return;
    setAsking(null);
    toggle.reset();
    remove.reset();
  };

  return (
    <section className="card section integ-area--wide" aria-labelledby="integration-danger-title">
      <h2 id="integration-danger-title" className="section__title">
        {t('integrations.danger.title')}
      </h2>
      <p className="muted">{integration.disabled ? t('integrations.danger.offLead') : t('integrations.danger.onLead')}</p>
      <ErrorAlert message={toggle.isError && asking === null ? errorMessage(t, toggle.error) : null} />
      <div className="actions">
        {integration.disabled ? (
          <Button variant="secondary" busy={toggle.isPending} onClick={() => toggle.mutate(false)}>
            {t('integrations.danger.turnOn')}
          </Button>
        ) : (
          <Button variant="danger-outline" onClick={() => setAsking('off')}>
            {t('integrations.danger.turnOff')}
          </Button>
        )}
        <Button variant="danger-outline" onClick={() => setAsking('remove')}>
          {t('integrations.danger.remove')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking === 'off'}
        onOpenChange={close}
        title={t('integrations.danger.offTitle', { name: integration.name })}
        description={t('integrations.danger.offText')}
        confirmLabel={t('integrations.danger.turnOff')}
        danger
        busy={toggle.isPending}
        error={toggle.isError ? errorMessage(t, toggle.error) : null}
        onConfirm={() => toggle.mutate(true)}
      />
      <ConfirmDialog
        open={asking === 'remove'}
        onOpenChange={close}
        title={t('integrations.danger.removeTitle', { name: integration.name })}
        description={t('integrations.danger.removeText')}
        confirmLabel={t('integrations.danger.remove')}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => remove.mutate()}
      />
    </section>
  );
}
