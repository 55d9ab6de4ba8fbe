import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupView } from '../../api/groups';
import { adminGroupsKey, groupKey, groupsKey } from '../../api/queryKeys';

/** A change to one group; afterwards the group, its lists and the groups lists are read again. */
export function useGroupMutation<V = void, R = unknown>(groupId: string, fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      if (isGroupView(result) && result.id === groupId) client.setQueryData(groupKey(groupId), result);
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: groupKey(groupId) }),
        client.invalidateQueries({ queryKey: groupsKey }),
        client.invalidateQueries({ queryKey: adminGroupsKey }),
      ]),
  });
}

function isGroupView(value: unknown): value is GroupView {
  return typeof value === 'object' && value !== null && 'can' in value && 'id' in value;
}
