import type { TFunction } from 'i18next';
import type { ChatMessage, ConversationKind } from '../../api/chat';

const NAMED = 2;

/**
 * Read receipts, placed under the last message each other person has read: "Seen" in a direct
 * conversation, "Seen by Anna, Ben +3" in a group. Their own messages do not count (writing one
 * says nothing about what they read), so "Seen" stays under the last message of others they read.
 */
export function seenLabels(
  t: TFunction,
  kind: ConversationKind,
  messages: ChatMessage[],
  receipts: Array<{ personId: string; lastReadSeq: number }>,
  meId: string,
  nameOf: (id: string) => string,
): Map<string, string> {
  const readers = new Map<string, string[]>();
  for (const r of receipts) {
    if (r.personId === meId) continue;
    let at: ChatMessage | undefined;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      if (m && m.seq <= r.lastReadSeq && m.kind === 'text' && m.sender.id !== r.personId) {
        at = m;
        break;
      }
    }
    if (!at) continue;
    readers.set(at.id, [...(readers.get(at.id) ?? []), r.personId]);
  }
  const labels = new Map<string, string>();
  for (const [messageId, people] of readers) {
    if (kind === 'direct') {
      labels.set(messageId, t('chat.seen'));
      continue;
    }
    const names = people.slice(0, NAMED).map(nameOf).join(', ');
    labels.set(
      messageId,
      people.length > NAMED ? t('chat.seenByMore', { names, count: people.length - NAMED }) : t('chat.seenBy', { names }),
    );
  }
  return labels;
}
