import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchGroups, type GroupView } from '../../api/groups';
import { groupsKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { VisibilityBadge } from './VisibilityBadge';

interface Props {
  filter: 'mine' | 'discover';
  q: string;
  titleId: string;
  empty: string;
}

/** One of the two lists of the groups page, read page by page. */
export function GroupList({ filter, q, titleId, empty }: Props) {
  const { t } = useTranslation();
  const groups = useInfiniteQuery({
    queryKey: [...groupsKey, filter, q],
    queryFn: ({ pageParam }) => fetchGroups(filter, q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = groups.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {groups.isPending ? <Loading /> : null}
      {groups.isError ? <ErrorAlert message={errorMessage(t, groups.error)} /> : null}
      {groups.isSuccess && items.length === 0 ? <EmptyState title={q ? t('groups.noMatch', { q }) : empty} /> : null}
      {items.length > 0 ? (
        <ul className="group-cards" aria-labelledby={titleId}>
          {items.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </ul>
      ) : null}
      <LoadMore query={groups} />
    </>
  );
}

function GroupCard({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  return (
    <li className="group-card card" data-testid="group-card">
      <div className="group-card__head">
        <Link to={`/groups/${group.id}`} className="group-card__name">
          {group.name}
        </Link>
        <VisibilityBadge visibility={group.visibility} />
      </div>
      {group.description ? <p className="group-card__desc">{group.description}</p> : null}
      <p className="group-card__meta">
        {t('groups.memberCount', { count: group.memberCount })}
        {group.membership ? ` · ${t(`groups.roles.${group.membership.role}`)}` : null}
        {group.pending === 'request' ? ` · ${t('groups.requestPending')}` : null}
        {group.pending === 'invite' ? ` · ${t('groups.invited')}` : null}
        {group.archivedAt ? ` · ${t('groups.archived')}` : null}
      </p>
    </li>
  );
}
