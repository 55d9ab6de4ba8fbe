import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeRole, deactivatePerson, reactivatePerson } from '../../../api/admin';
import type { Person, Role } from '../../../api/types';
import { adminPeopleKey, replacePerson } from '../../../realtime/applyEvent';
import { updateSessionPerson } from '../../session/sessionQuery';

/** Role and status changes; the answer updates the list in place, then the list is re-checked. */
export function usePeopleActions() {
  const client = useQueryClient();
  const settle = (person: Person) => {
    replacePerson(client, person);
    updateSessionPerson(client, person);
    void client.invalidateQueries({ queryKey: adminPeopleKey });
  };
  const role = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => changeRole(id, role),
    onSuccess: settle,
  });
  const status = useMutation({
    mutationFn: ({ person }: { person: Person }) =>
      person.status === 'active' ? deactivatePerson(person.id) : reactivatePerson(person.id),
    onSuccess: settle,
  });
  return { role, status };
}
