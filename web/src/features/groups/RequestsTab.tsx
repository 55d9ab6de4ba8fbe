import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { decideRequest, fetchRequests, type GroupView } from '../../api/groups';
import { groupRequestsKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { formatDate } from '../../ui/format';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { PersonLine } from '../people/PersonLine';
import { useGroupMutation } from './useGroupMutation';

/** Join requests waiting for a group admin or moderator, oldest first. */
export function RequestsTab({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const requests = useInfiniteQuery({
    queryKey: groupRequestsKey(group.id),
    queryFn: ({ pageParam }) => fetchRequests(group.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const decide = useGroupMutation(group.id, ({ id, approve }: { id: string; approve: boolean }) => decideRequest(group.id, id, approve));
  const items = requests.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card section" aria-labelledby="group-requests">
      <h2 id="group-requests" className="section__title">
        {t('groups.requestsTitle')}
      </h2>
      {requests.isPending ? <Loading /> : null}
      <ErrorAlert message={requests.isError ? errorMessage(t, requests.error) : null} />
      <ErrorAlert message={decide.isError ? errorMessage(t, decide.error) : null} />
      {requests.isSuccess && items.length === 0 ? <EmptyState title={t('groups.noRequests')} /> : null}
      {items.length > 0 ? (
        <ul className="member-list">
          {items.map((r) => {
            const busy = decide.isPending && decide.variables.id === r.id;
            return (
              <li key={r.id} className="member-row" data-testid="request-row">
                <PersonLine
                  person={r.person}
                  extra={<span className="identity__meta">{t('groups.askedOn', { date: formatDate(r.createdAt) })}</span>}
                />
                <div className="member-row__controls">
                  <Button
                    small
                    busy={busy && decide.variables.approve}
                    disabled={busy}
                    onClick={() => decide.mutate({ id: r.id, approve: true })}
                    aria-label={t('groups.approveLabel', { name: r.person.displayName })}
                  >
                    {t('groups.approve')}
                  </Button>
                  <Button
                    small
                    variant="secondary"
                    busy={busy && !decide.variables.approve}
                    disabled={busy}
                    onClick={() => decide.mutate({ id: r.id, approve: false })}
                    aria-label={t('groups.declineLabel', { name: r.person.displayName })}
                  >
                    {t('groups.decline')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <LoadMore query={requests} />
    </section>
  );
}
