import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { fetchIntegrationSettings, integrationSettingsKey, saveIntegrationSettings } from '../../../api/integrations';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextAreaField } from '../../../ui/Field';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';

/** The server's rule (protocol/integrations.ts): a host name, or an IP address ([…] for IPv6). */
const HOST = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/;
const MAX_HOSTS = 50;

const linesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

/**
 * Company-wide: hosts webhooks may reach although they are on private addresses (the office
 * network, this machine). Everything else inside the network is refused, so that a webhook cannot
 * be used to reach internal services.
 */
export function AllowedHostsSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: integrationSettingsKey, queryFn: fetchIntegrationSettings });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const loaded = settings.data?.allowedHosts.join('\n');
  useEffect(() => {
    if (loaded !== undefined) setText(loaded);
  }, [loaded]);
  const save = useMutation({
    mutationFn: (hosts: string[]) => saveIntegrationSettings(hosts),
    onSuccess: (saved) => {
      client.setQueryData(integrationSettingsKey, saved);
      setText(saved.allowedHosts.join('\n'));
    },
    onError: (e, hosts) => {
      // A refused line is named by its place in the list: say which one, beside the field.
      const item = isApiError(e) ? e.problem.errors?.find((x) => x.field.startsWith('allowedHosts.')) : undefined;
      const index = item ? Number(item.field.split('.')[1]) : NaN;
      setError(
        Number.isInteger(index) && hosts[index] !== undefined
          ? t('integrations.hosts.badHost', { host: hosts[index] })
          : errorMessage(t, e),
      );
    },
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const hosts = [...new Set(linesOf(text))];
    const bad = hosts.find((h) => !HOST.test(h));
    if (bad) return setError(t('integrations.hosts.badHost', { host: bad }));
    if (hosts.length > MAX_HOSTS) return setError(t('integrations.hosts.tooMany', { count: MAX_HOSTS }));
    setError(null);
    save.mutate(hosts);
  }

  return (
    <section className="card section" aria-labelledby="integration-hosts-title">
      <h2 id="integration-hosts-title" className="section__title">
        {t('integrations.hosts.title')}
      </h2>
      <p className="muted">{t('integrations.hosts.lead')}</p>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorAlert message={errorMessage(t, settings.error)} /> : null}
      {settings.isSuccess ? (
        <form className="form" onSubmit={submit} noValidate>
          <TextAreaField
            label={t('integrations.hosts.label')}
            hint={t('integrations.hosts.hint')}
            value={text}
            rows={3}
            spellCheck={false}
            autoCapitalize="none"
            onChange={(e) => {
              setText(e.target.value);
              save.reset();
            }}
            error={error}
          />
          {save.isSuccess ? (
            <Alert tone="success">
              {save.data.allowedHosts.length ? t('integrations.hosts.saved') : t('integrations.hosts.savedNone')}
            </Alert>
          ) : null}
          <div className="actions">
            <Button type="submit" busy={save.isPending}>
              {t('integrations.hosts.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
