import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchPersonGroups } from '../../api/groups';
import { profileKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { VisibilityBadge } from '../groups/VisibilityBadge';

/** The groups a person belongs to; the server leaves out those the viewer may not find (secret ones they are not in). */
export function PersonGroups({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const groups = useInfiniteQuery({
    queryKey: [...profileKey(personId), 'groups'],
    queryFn: ({ pageParam }) => fetchPersonGroups(personId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = groups.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card section" aria-labelledby="person-groups">
      <h2 id="person-groups" className="section__title">
        {t('profilePage.groups')}
      </h2>
      {groups.isPending ? <Loading /> : null}
      <ErrorAlert message={groups.isError ? errorMessage(t, groups.error) : null} />
      {groups.isSuccess && items.length === 0 ? <p className="muted">{t('profilePage.noGroups')}</p> : null}
      {items.length > 0 ? (
        <ul className="member-list" aria-labelledby="person-groups">
          {items.map((g) => (
            <li key={g.id} className="member-row">
              <span className="identity__text">
                <Link to={`/groups/${g.id}`} className="identity__name">
                  {g.name}
                </Link>
                <span className="identity__meta">{t('groups.memberCount', { count: g.memberCount })}</span>
              </span>
              <VisibilityBadge visibility={g.visibility} />
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore query={groups} />
    </section>
  );
}
