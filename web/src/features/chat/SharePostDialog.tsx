import * as Dialog from '@radix-ui/react-dialog';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  CHAT_MESSAGE_MAX_CHARS,
  conversationListKey,
  conversationsKey,
  fetchConversations,
  sendMessage,
  type Conversation,
} from '../../api/chat';
import type { Post } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { TextAreaField, TextField } from '../../ui/Field';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { useDebounced } from '../../ui/useDebounced';
import { conversationTitle, newClientKey } from './chatText';

interface Sent {
  id: string;
  title: string;
}

/** "Send in chat" on a post: pick one of my conversations, add words if wanted; the post goes there as a card. */
export function SharePostDialog({ post }: { post: Post }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Conversation | null>(null);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const search = useDebounced(q.trim());
  const list = useInfiniteQuery({
    queryKey: conversationListKey('all', search),
    queryFn: ({ pageParam }) => fetchConversations('all', search, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: open,
  });
  const send = useMutation({
    // One key per press of Send: a retry after a failure is a new press, the server drops exact repeats.
    mutationFn: (c: Conversation) => sendMessage(c.id, { clientKey: newClientKey(), body: body.trim(), postId: post.id }),
    onSuccess: (_m, c) => {
      setSent({ id: c.id, title: conversationTitle(t, c) });
      setBody('');
      void client.invalidateQueries({ queryKey: conversationsKey });
    },
  });

  function onOpenChange(next: boolean): void {
    if (next) {
      setQ('');
      setChosen(null);
      setBody('');
      setSent(null);
      send.reset();
    }
    setOpen(next);
  }

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // A choice filtered out of sight is not sent to.
  const target = items.find((c) => c.id === chosen?.id) ?? null;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="link-button post__share">
          {t('chat.share.button')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--form">
          <Dialog.Title className="dialog__title">{t('chat.share.title')}</Dialog.Title>
          <Dialog.Description className="dialog__description">{t('chat.share.lead')}</Dialog.Description>
          <TextField label={t('chat.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          <div className="share__choices">
            <p className="field__label" id={listId}>
              {t('chat.share.conversations')}
            </p>
            {list.isPending && open ? <Loading /> : null}
            <ErrorAlert message={list.isError ? errorMessage(t, list.error) : null} />
            {list.isSuccess && items.length === 0 ? (
              <p className="muted">{search ? t('chat.noMatch', { q: search }) : t('chat.share.none')}</p>
            ) : null}
            {items.length > 0 ? (
              <div role="group" aria-labelledby={listId}>
                <ul className="picker__results share__list">
                  {items.map((c) => (
                    <ConversationChoice key={c.id} conversation={c} chosen={target?.id === c.id} onChoose={() => setChosen(c)} />
                  ))}
                </ul>
              </div>
            ) : null}
            <LoadMore query={list} />
          </div>
          <TextAreaField
            label={t('chat.share.message')}
            value={body}
            rows={3}
            maxLength={CHAT_MESSAGE_MAX_CHARS}
            onChange={(e) => setBody(e.target.value)}
          />
          <ErrorAlert message={send.isError ? errorMessage(t, send.error) : null} />
          {/* Always present, so that the confirmation is read out when it appears. */}
          <div role="status" className="share__status">
            {sent ? (
              <div className="alert alert--success">
                {t('chat.share.sent', { title: sent.title })}{' '}
                <Link to={`/chat/${sent.id}`} onClick={() => setOpen(false)}>
                  {t('chat.share.open')}
                </Link>
              </div>
            ) : null}
          </div>
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button variant="secondary">{t(sent ? 'common.close' : 'common.cancel')}</Button>
            </Dialog.Close>
            <Button busy={send.isPending} disabled={!target} onClick={() => target && send.mutate(target)}>
              {t('chat.share.send')}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ConversationChoice({ conversation: c, chosen, onChoose }: { conversation: Conversation; chosen: boolean; onChoose(): void }) {
  const { t } = useTranslation();
  const title = conversationTitle(t, c);
  const face = c.kind === 'direct' ? c.people[0] : undefined;
  return (
    <li>
      <button type="button" className="picker__item" aria-pressed={chosen} onClick={onChoose}>
        <Avatar name={face?.displayName ?? title} photoUrl={face?.photoUrl ?? null} size="sm" />
        <span className="picker__text">
          <span className="picker__name">{title}</span>
        </span>
        <span className="picker__check" aria-hidden="true">
          {chosen ? '✓' : ''}
        </span>
      </button>
    </li>
  );
}
