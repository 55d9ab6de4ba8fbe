import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchIntegrations, integrationsKey, type Integration } from '../../../api/integrations';
import { ErrorAlert } from '../../../ui/Alert';
import { BotBadge } from '../../../ui/BotBadge';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';
import { useLabels } from './Choices';
import { IntegrationStatus } from './IntegrationStatus';

/** Every integration, newest first: name with the bot badge, what it may do, whether it is on. */
export function IntegrationList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const list = useInfiniteQuery({
    queryKey: integrationsKey,
    queryFn: ({ pageParam }) => fetchIntegrations(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card section" aria-labelledby="integrations-list-title">
      <h2 id="integrations-list-title" className="section__title">
        {t('integrations.list.title')}
      </h2>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert message={errorMessage(t, list.error)} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <EmptyState title={t('integrations.list.emptyTitle')}>
          <p>{t('integrations.list.emptyBody')}</p>
          <p>{t('integrations.list.emptyNext')}</p>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul className="integ-list">
          {items.map((i) => (
            <Row key={i.id} integration={i} scopes={i.scopes.map(labels.scope)} />
          ))}
        </ul>
      ) : null}
      <LoadMore query={list} />
    </section>
  );
}

function Row({ integration: i, scopes }: { integration: Integration; scopes: string[] }) {
  const { t } = useTranslation();
  return (
    <li className="integ-row" data-testid="integration-row">
      <div className="integ-row__main">
        <p className="integ-row__name">
          <Link to={`/admin/integrations/${i.id}`}>{i.name}</Link>
          <BotBadge show />
          <IntegrationStatus integration={i} />
        </p>
        {i.description ? <p className="integ-row__meta">{i.description}</p> : null}
        <p className="integ-row__meta">
          {scopes.length ? t('integrations.list.scopes', { scopes: scopes.join(', ') }) : t('integrations.list.noScopes')}
          {' · '}
          {t('integrations.list.tokens', { count: i.activeTokens })}
        </p>
      </div>
    </li>
  );
}
