import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversation, useMembers } from '../chat/hooks';
import { conversationTitle } from '../chat/chatText';
import { useSession } from '../session/SessionContext';

export interface CallPerson {
  name: string;
  photoUrl: string | null;
}

/** Names and photos of a call's people, from its conversation (the first ones) and its members list. */
export function useCallPeople(conversationId: string) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const conversation = useConversation(conversationId);
  const c = conversation.data;
  const members = useMembers(conversationId, !!c && c.kind !== 'direct');
  return useMemo(() => {
    const people = new Map<string, CallPerson>([[me.id, { name: me.displayName, photoUrl: me.photoUrl ?? null }]]);
    for (const p of c?.people ?? []) people.set(p.id, { name: p.displayName, photoUrl: p.photoUrl });
    for (const m of members.data?.items ?? []) people.set(m.person.id, { name: m.person.displayName, photoUrl: m.person.photoUrl });
    const personOf = (id: string): CallPerson => people.get(id) ?? { name: t('chat.someone'), photoUrl: null };
    return { conversation: c, title: c ? conversationTitle(t, c) : '', personOf, meId: me.id };
  }, [c, members.data, me, t]);
}
