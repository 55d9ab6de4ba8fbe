import type { TFunction } from 'i18next';
import type { ChatMessage, Conversation } from '../../api/chat';

/** A conversation's title: its name, else the other person (direct), the group (linked) or its people. */
export function conversationTitle(t: TFunction, c: Conversation): string {
  if (c.name) return c.name;
  if (c.kind === 'linked' && c.group) return c.group.name;
  const names = c.people.map((p) => p.displayName);
  if (c.kind === 'direct') return names[0] ?? t('chat.onlyYou');
  return listNames(t, names, Math.max(0, c.memberCount - 1));
}

/** "Anna", "Anna and Ben", "Anna, Ben and 3 others" (of `total` people, the first ones named). */
export function listNames(t: TFunction, names: string[], total = names.length): string {
  if (names.length === 0) return t('chat.onlyYou');
  if (total <= 1) return names[0] ?? '';
  if (total === 2 && names.length >= 2) return t('chat.twoNames', { a: names[0], b: names[1] });
  const shown = names.slice(0, 2).join(', ');
  return t('chat.manyNames', { names: shown, count: total - Math.min(2, names.length) });
}

/** One line about a message, for the list and for quotes. */
export function messageExcerpt(t: TFunction, m: ChatMessage, meId: string, nameOf: (id: string) => string): string {
  if (m.deletedAt) return t('chat.deleted');
  if (m.kind === 'system' && m.system) return systemText(t, m, nameOf);
  const text = plainText(m.html);
  const what = text || (m.attachments.length ? t('chat.attachment') : m.post ? t('chat.sharedPost') : '');
  return m.sender.id === meId ? t('chat.youSaid', { text: what }) : what;
}

const plainCache = new Map<string, string>();

/** What a quote shows of a message. */
export const excerptOf = (html: string): string => plainText(html).slice(0, 140);

/** The words of the server's sanitised HTML (no Markdown marks), parsed inertly: nothing in it runs or loads. */
function plainText(html: string): string {
  let text = plainCache.get(html);
  if (text === undefined) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    text = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (plainCache.size > 500) plainCache.clear();
    plainCache.set(html, text);
  }
  return text;
}

export function systemText(t: TFunction, m: ChatMessage, nameOf: (id: string) => string): string {
  const s = m.system;
  if (!s) return '';
  const actor = m.sender.displayName;
  const names = s.personIds.map(nameOf).join(', ');
  switch (s.action) {
    case 'created':
      return t('chat.system.created', { actor });
    case 'added':
      return t('chat.system.added', { actor, names });
    case 'removed':
      return t('chat.system.removed', { actor, names });
    case 'left':
      return t('chat.system.left', { actor });
    case 'renamed':
      return s.name ? t('chat.system.renamed', { actor, name: s.name }) : t('chat.system.unnamed', { actor });
    case 'call':
      return t('chat.system.call', { actor });
  }
}

/** A fresh idempotency key for a send; kept with the message so that a retry sends the same one. */
export function newClientKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a plain-http install still needs unique keys.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
