import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchOrgChart, fetchReports } from '../../api/people';
import { orgChartKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { PersonLine } from '../people/PersonLine';

/** The manager chain from the top down to this person, then their direct reports. */
export function OrgChart({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const chart = useQuery({ queryKey: orgChartKey(personId), queryFn: () => fetchOrgChart(personId) });
  const first = chart.data?.reports;
  const more = useInfiniteQuery({
    queryKey: [...orgChartKey(personId), 'reports'],
    queryFn: ({ pageParam }) => fetchReports(personId, pageParam),
    initialPageParam: first?.nextCursor ?? undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: false,
  });
  const extra = more.data?.pages.flatMap((p) => p.items) ?? [];
  const reports = [...(first?.items ?? []), ...extra];
  const hasMore = more.data ? more.hasNextPage : Boolean(first?.nextCursor);
  const chain = [...(chart.data?.chain ?? [])].reverse();

  return (
    <section className="card section" aria-labelledby="org-chart">
      <h2 id="org-chart" className="section__title">
        {t('profilePage.orgChart')}
      </h2>
      {chart.isPending ? <Loading /> : null}
      <ErrorAlert message={chart.isError ? errorMessage(t, chart.error) : null} />
      {chart.data ? (
        <>
          <h3 className="section__subtitle section__subtitle--first">{t('profilePage.reportsTo')}</h3>
          {chain.length === 0 ? (
            <p className="muted">{t('profilePage.noManager')}</p>
          ) : (
            <ol className="org-chain" data-testid="manager-chain">
              {chain.map((p) => (
                <li key={p.id}>
                  <PersonLine person={p} />
                </li>
              ))}
            </ol>
          )}
          <h3 className="section__subtitle">{t('profilePage.directReports')}</h3>
          {reports.length === 0 ? (
            <p className="muted">{t('profilePage.noReports')}</p>
          ) : (
            <ul className="member-list" data-testid="direct-reports">
              {reports.map((p) => (
                <li key={p.id} className="member-row">
                  <PersonLine person={p} />
                </li>
              ))}
            </ul>
          )}
          <LoadMore
            query={{
              hasNextPage: hasMore,
              isFetchingNextPage: more.isFetching,
              fetchNextPage: () => (more.data ? more.fetchNextPage() : more.refetch()),
            }}
          />
        </>
      ) : null}
    </section>
  );
}
