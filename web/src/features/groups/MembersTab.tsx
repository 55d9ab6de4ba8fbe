import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeMemberRole, fetchMembers, removeMember, type GroupMember, type GroupRole, type GroupView } from '../../api/groups';
import { groupMembersKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { PersonLine } from '../people/PersonLine';
import { useSession } from '../session/SessionContext';
import { MemberRoleMenu } from './MemberRoleMenu';
import { useGroupMutation } from './useGroupMutation';

export function MembersTab({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const members = useInfiniteQuery({
    queryKey: groupMembersKey(group.id),
    queryFn: ({ pageParam }) => fetchMembers(group.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const role = useGroupMutation(group.id, ({ personId, role }: { personId: string; role: GroupRole }) =>
    changeMemberRole(group.id, personId, role),
  );
  const remove = useGroupMutation(group.id, (personId: string) => removeMember(group.id, personId));
  const [removing, setRemoving] = useState<GroupMember | null>(null);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card section" aria-labelledby="group-members">
      <h2 id="group-members" className="section__title">
        {t('groups.membersTitle', { count: group.memberCount })}
      </h2>
      {members.isPending ? <Loading /> : null}
      <ErrorAlert message={members.isError ? errorMessage(t, members.error) : null} />
      <ErrorAlert message={role.isError ? errorMessage(t, role.error) : null} />
      {members.isSuccess && items.length === 0 ? <EmptyState title={t('groups.noMembers')} /> : null}
      {items.length > 0 ? (
        <ul className="member-list">
          {items.map((m) => (
            <li key={m.person.id} className="member-row" data-testid="member-row">
              <PersonLine person={m.person} extra={m.person.id === me.id ? <span className="badge">{t('people.you')}</span> : null} />
              <div className="member-row__controls">
                {group.can.manage && m.person.id !== me.id ? (
                  <>
                    <MemberRoleMenu
                      value={m.role}
                      name={m.person.displayName}
                      disabled={role.isPending && role.variables.personId === m.person.id}
                      onChange={(r) => role.mutate({ personId: m.person.id, role: r })}
                    />
                    <Button
                      variant="danger-outline"
                      small
                      aria-label={t('groups.removeLabel', { name: m.person.displayName })}
                      onClick={() => (remove.reset(), setRemoving(m))}
                    >
                      {t('groups.remove')}
                    </Button>
                  </>
                ) : (
                  <span className="badge">{t(`groups.roles.${m.role}`)}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore query={members} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
        title={t('groups.removeTitle', { name: removing?.person.displayName ?? '' })}
        description={t('groups.removeBody', { name: removing?.person.displayName ?? '' })}
        confirmLabel={t('groups.remove')}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing.person.id, { onSuccess: () => setRemoving(null) })}
      />
    </section>
  );
}
