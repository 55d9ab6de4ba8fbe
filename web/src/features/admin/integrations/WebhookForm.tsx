import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEventType } from '../../../api/integrations';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { formError } from '../../../ui/errors';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { EventChoices } from './Choices';

export interface WebhookDraft {
  url: string;
  events: WebhookEventType[];
  secret: string;
}

interface Props {
  initial?: { url: string; events: WebhookEventType[] };
  /** Adding: the signing secret may be chosen (so the receiver can start with it). */
  withSecret?: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  serverErrors: Record<string, string>;
  onSubmit(draft: WebhookDraft): void;
  onCancel?(): void;
}

const FIELDS = ['url', 'events', 'secret'];

/** The address (checked by the server before it is kept) and the events it is sent. */
export function WebhookForm({ initial, withSecret, submitLabel, busy, error, serverErrors, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initial?.url ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(initial?.events ?? []);
  const [secret, setSecret] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...serverErrors, ...local };
  const formRef = useFocusFirstError(errors);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim())) found.url = t('integrations.webhooks.urlInvalid');
    if (events.length === 0) found.events = t('integrations.webhooks.eventsRequired');
    if (secret && secret.length < 32) found.secret = t('integrations.webhooks.secretShort');
    setLocal(found);
    if (Object.keys(found).length === 0) onSubmit({ url: url.trim(), events, secret });
  }

  return (
    <form ref={formRef} className="form integ-webhook-form" onSubmit={submit} noValidate>
      <TextField
        label={t('integrations.webhooks.url')}
        hint={t('integrations.webhooks.urlHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={url}
        maxLength={2000}
        placeholder="https://bot.example.com/commonplace"
        onChange={(e) => setUrl(e.target.value)}
        error={errors.url}
      />
      <EventChoices selected={events} onChange={setEvents} error={errors.events} />
      {withSecret ? (
        <details className="integ-details" open={errors.secret ? true : undefined}>
          <summary>{t('integrations.webhooks.secretSummary')}</summary>
          <TextField
            label={t('integrations.webhooks.secret')}
            hint={t('integrations.webhooks.secretHint')}
            value={secret}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            onChange={(e) => setSecret(e.target.value.trim())}
            error={errors.secret}
          />
        </details>
      ) : null}
      <ErrorAlert message={error ? formError(t, error, FIELDS) : null} />
      <div className="actions">
        <Button type="submit" busy={busy}>
          {busy ? t('integrations.webhooks.checking') : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
