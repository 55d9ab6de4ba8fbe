import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deliveriesKey, fetchDeliveries, redeliver, webhookKey, type WebhookDelivery, type WebhookDetail } from '../../../api/integrations';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';
import { useLabels } from './Choices';

/** Read again this often while the page is open: deliveries are made and retried in the background. */
const REFRESH_MS = 5_000;

/** What was sent, newest first, a page at a time: outcome, answer, attempts, error; sent again on request. */
export function DeliveryLog({ integrationId, webhook }: { integrationId: string; webhook: WebhookDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = deliveriesKey(integrationId, webhook.id);
  const log = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchDeliveries(integrationId, webhook.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
  const again = useMutation({
    mutationFn: (d: WebhookDelivery) => redeliver(integrationId, webhook.id, d.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: webhookKey(integrationId, webhook.id), exact: true });
    },
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card section" aria-labelledby="webhook-log-title">
      <div className="integ-heading-row">
        <h2 id="webhook-log-title" className="section__title">
          {t('integrations.log.title')}
        </h2>
        <Button variant="secondary" small busy={log.isRefetching && !log.isFetchingNextPage} onClick={() => void log.refetch()}>
          {t('integrations.log.refresh')}
        </Button>
      </div>
      <p className="muted">{t('integrations.log.lead')}</p>
      <div aria-live="polite">{again.isSuccess ? <Alert tone="success">{t('integrations.log.redelivered')}</Alert> : null}</div>
      <ErrorAlert message={again.isError ? errorMessage(t, again.error) : null} />
      {log.isPending ? <Loading /> : null}
      {log.isError ? <ErrorAlert message={errorMessage(t, log.error)} /> : null}
      {log.isSuccess && items.length === 0 ? <p className="integ-none">{t('integrations.log.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="integ-log" aria-label={t('integrations.log.title')}>
          {items.map((d) => (
            <DeliveryRow
              key={d.id}
              delivery={d}
              canRedeliver={webhook.enabled && d.status !== 'pending'}
              busy={again.isPending && again.variables.id === d.id}
              onRedeliver={() => again.mutate(d)}
            />
          ))}
        </ul>
      ) : null}
      <LoadMore query={log} label={t('integrations.log.older')} />
    </section>
  );
}

const TONE = { delivered: 'ok', failed: 'failed', skipped: 'off', pending: 'pending' } as const;

function DeliveryRow({
  delivery: d,
  canRedeliver,
  busy,
  onRedeliver,
}: {
  delivery: WebhookDelivery;
  canRedeliver: boolean;
  busy: boolean;
  onRedeliver(): void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const event = labels.event(d.eventType);
  return (
    <li className="integ-delivery" data-testid="delivery-row" data-status={d.status}>
      <div className="integ-delivery__main">
        <p className="integ-delivery__title">
          <span>{event}</span>
          <span className={`badge integ-badge--${TONE[d.status]}`}>{t(`integrations.log.status.${d.status}`)}</span>
        </p>
        <p className="integ-row__meta">
          <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
          {' · '}
          {d.lastStatus !== null ? t('integrations.log.answer', { code: d.lastStatus }) : t('integrations.log.noAnswer')}
          {' · '}
          {t('integrations.log.attempts', { count: d.attempts })}
          {d.durationMs !== null ? ` · ${t('integrations.log.duration', { ms: d.durationMs })}` : ''}
        </p>
        {d.lastError ? <p className="integ-delivery__error">{t('integrations.log.error', { error: d.lastError })}</p> : null}
        {d.status === 'pending' && d.nextAttemptAt ? (
          <p className="integ-row__meta">{t('integrations.log.next', { when: formatDateTime(d.nextAttemptAt) })}</p>
        ) : null}
      </div>
      {canRedeliver ? (
        <Button variant="secondary" small busy={busy} onClick={onRedeliver} aria-label={t('integrations.log.redeliverLabel', { event })}>
          {t('integrations.log.redeliver')}
        </Button>
      ) : null}
    </li>
  );
}
