import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ChatMessage, Conversation } from '../../api/chat';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';
import { conversationTitle } from './chatText';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { JoinCallBanner } from '../calls/JoinCallBanner';
import { useConversation, useMarkRead, useMembers, useMessages, useReceipts, useSend } from './hooks';
import { loadOlder } from './messageList';
import { MessageItem, PendingItem } from './MessageItem';
import { seenLabels } from './receipts';
import { usePending, useTypists } from './stores';

/** One conversation: its header, its history (older pages upward), who is typing, and the composer. */
export function ConversationView({ id, wide }: { id: string; wide: boolean }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const conversation = useConversation(id);
  const c = conversation.data;
  usePageTitle(c ? conversationTitle(t, c) : t('chat.title'), org.name);
  if (conversation.isError && isApiError(conversation.error) && conversation.error.status === 404) {
    return (
      <section className="chat-view chat-view--gone">
        {wide ? <h2 className="section__title">{t('chat.notFound')}</h2> : <h1 className="page__title">{t('chat.notFound')}</h1>}
        <p>{t('chat.notFoundLead')}</p>
        <p>
          <Link to="/chat">{t('chat.backToList')}</Link>
        </p>
      </section>
    );
  }
  if (!c) return conversation.isError ? <ErrorAlert message={errorMessage(t, conversation.error)} /> : <Loading block />;
  return <Loaded conversation={c} wide={wide} />;
}

function Loaded({ conversation: c, wide }: { conversation: Conversation; wide: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { person: me } = useSession();
  const messages = useMessages(c.id);
  const members = useMembers(c.id);
  const receipts = useReceipts(c.id);
  const pending = usePending(c.id);
  const typists = useTypists(c.id);
  const { send, retry } = useSend(c.id);
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [olderError, setOlderError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const items = useMemo(() => messages.data?.items ?? [], [messages.data]);
  const newestSeq = items[items.length - 1]?.seq ?? 0;
  useMarkRead(c, newestSeq);

  const names = useMemo(() => {
    const map = new Map<string, string>([[me.id, me.displayName]]);
    for (const p of c.people) map.set(p.id, p.displayName);
    for (const m of members.data?.items ?? []) map.set(m.person.id, m.person.displayName);
    for (const m of items) map.set(m.sender.id, m.sender.displayName);
    return map;
  }, [c.people, members.data, items, me]);
  const nameOf = (id: string) => names.get(id) ?? t('chat.someone');
  const held = new Set(items.map((m) => m.clientKey).filter(Boolean));
  const waiting = pending.filter((p) => !held.has(p.clientKey));
  const seen = seenLabels(t, c.kind, items, receipts.data?.items ?? [], me.id, nameOf);
  const typing = typists.map(nameOf);

  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ firstId: string | undefined; count: number; height: number; top: number }>(undefined);
  // Keep the reader's place: at the bottom for new messages (if they were there, or sent them),
  // on the same message when an older page is put above.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = anchor.current;
    const firstId = items[0]?.id;
    const count = items.length + waiting.length;
    if (!before) el.scrollTop = el.scrollHeight;
    else if (before.firstId !== firstId && before.count < count && before.firstId !== undefined) {
      el.scrollTop = before.top + (el.scrollHeight - before.height);
    } else if (count > before.count) {
      const wasAtBottom = before.height - before.top - el.clientHeight < 120;
      const mineLast = waiting.length > 0 || items[items.length - 1]?.sender.id === me.id;
      if (wasAtBottom || mineLast) el.scrollTop = el.scrollHeight;
    }
    anchor.current = { firstId, count, height: el.scrollHeight, top: el.scrollTop };
  });

  async function older(): Promise<void> {
    setLoadingOlder(true);
    setOlderError(null);
    try {
      await loadOlder(client, c.id);
    } catch (err) {
      setOlderError(errorMessage(t, err));
    } finally {
      setLoadingOlder(false);
    }
  }

  const title = conversationTitle(t, c);
  return (
    <section className="chat-view" aria-label={title}>
      <ConversationHeader conversation={c} wide={wide} title={title} />
      <JoinCallBanner conversationId={c.id} />
      <div
        ref={scroller}
        className="chat-view__scroll"
        tabIndex={0}
        role="log"
        aria-label={t('chat.history', { name: title })}
        onScroll={(e) => {
          if (anchor.current) anchor.current.top = e.currentTarget.scrollTop;
          // Reaching the top reads the page before, as the button would.
          if (e.currentTarget.scrollTop < 40 && messages.data?.hasOlder && !loadingOlder && !olderError) void older();
        }}
      >
        {messages.data?.hasOlder ? (
          <div className="actions actions--center">
            <Button variant="secondary" small busy={loadingOlder} onClick={() => void older()}>
              {t('chat.loadOlder')}
            </Button>
          </div>
        ) : null}
        <ErrorAlert message={olderError ?? (messages.isError ? errorMessage(t, messages.error) : null)} />
        {messages.isPending ? <Loading block /> : null}
        {messages.isSuccess && items.length === 0 && waiting.length === 0 ? (
          <p className="chat-view__empty">{t('chat.noMessagesYet')}</p>
        ) : null}
        <ol className="chat-messages">
          {items.map((m, i) => (
            <MessageItem
              key={m.id}
              message={m}
              conversationKind={c.kind}
              mine={m.sender.id === me.id}
              showSender={
                m.sender.id !== me.id && c.kind !== 'direct' && (items[i - 1]?.kind !== 'text' || items[i - 1]?.sender.id !== m.sender.id)
              }
              nameOf={nameOf}
              seen={seen.get(m.id) ?? null}
              onReply={() => setReplyTo(m)}
            />
          ))}
          {waiting.map((p) => (
            <PendingItem key={p.clientKey} pending={p} onRetry={() => retry(p)} />
          ))}
        </ol>
      </div>
      <p className="chat-view__typing" aria-live="polite" data-testid="typing">
        {typing.length === 1
          ? t('chat.typing.one', { name: typing[0] })
          : typing.length === 2
            ? t('chat.typing.two', { a: typing[0], b: typing[1] })
            : typing.length > 2
              ? t('chat.typing.many')
              : null}
      </p>
      <Composer
        conversation={c}
        title={title}
        people={members.data?.items.map((m) => m.person) ?? c.people}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        nameOf={nameOf}
        onSend={(input) => {
          send({ ...input, replyTo });
          setReplyTo(null);
        }}
      />
    </section>
  );
}
