import { BotBadge } from '../../ui/BotBadge';
import { actOnMessage } from '../../api/blocks';
import { BlocksView } from '../blocks/BlocksView';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deleteMessage, editMessage, setMessageReaction, type ChatMessage, type ConversationKind } from '../../api/chat';
import type { ReactionKindName } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { PostAttachments } from '../posts/PostAttachments';
import { REACTION_EMOJI } from '../posts/reactions';
import { RenderedBody } from '../posts/RenderedBody';
import { useSession } from '../session/SessionContext';
import { receiveMessages } from './chatCache';
import { systemText } from './chatText';
import { CallHistoryItem } from '../calls/CallHistoryItem';
import { callSummaryOf } from '../calls/callText';
import { MessageMenu } from './MessageMenu';
import type { PendingMessage } from './stores';

interface Props {
  message: ChatMessage;
  conversationKind: ConversationKind;
  mine: boolean;
  showSender: boolean;
  nameOf(id: string): string;
  /** "Seen" / "Seen by …" when this is the last message some people have read. */
  seen: string | null;
  onReply(): void;
}

const time = (iso: string) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** An answer that is a message (edit, reaction, delete) is put in place at once; the event confirms it later. */
const isMessage = (v: unknown): v is ChatMessage => typeof v === 'object' && v !== null && 'seq' in v && 'conversationId' in v;

export function MessageItem({ message: m, mine, showSender, nameOf, seen, onReply }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { person: me } = useSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const onAnswer = (answer: unknown) => {
    if (isMessage(answer)) receiveMessages(client, m.conversationId, [answer]);
  };
  const edit = useMutation({ mutationFn: (body: string) => editMessage(m.id, body), onSuccess: (a) => (onAnswer(a), setEditing(false)) });
  const remove = useMutation({ mutationFn: () => deleteMessage(m.id), onSuccess: (a) => (onAnswer(a), setConfirmDelete(false)) });
  const react = useMutation({ mutationFn: (kind: ReactionKindName | null) => setMessageReaction(m.id, kind), onSuccess: onAnswer });

  const call = callSummaryOf(m);
  if (call) return <CallHistoryItem message={m} summary={call} />;
  if (m.kind === 'system') {
    return (
      <li className="msg msg--system" data-testid="message" data-seq={m.seq}>
        <p>{systemText(t, m, nameOf)}</p>
      </li>
    );
  }
  const deleted = m.deletedAt !== null;
  const myReaction = m.reactions.find((r) => r.personIds.includes(me.id))?.kind ?? null;
  const reacted = m.reactions.filter((r) => r.personIds.length > 0);
  return (
    <li className={`msg${mine ? ' msg--mine' : ''}`} data-testid="message" data-seq={m.seq}>
      {showSender ? (
        <span className="msg__sender">
          {m.sender.displayName} <BotBadge show={m.sender.isBot} />
        </span>
      ) : null}
      <div className="msg__row">
        <div className={`msg__bubble${deleted ? ' msg__bubble--deleted' : ''}`}>
          {m.replyTo ? (
            <blockquote className="msg__quote">
              <span className="msg__quote-name">{m.replyTo.senderName}</span>
              <span className="msg__quote-text">{m.replyTo.deleted ? t('chat.deleted') : (m.replyTo.excerpt ?? '')}</span>
            </blockquote>
          ) : null}
          {deleted ? (
            <p className="msg__deleted">{t('chat.deleted')}</p>
          ) : editing ? (
            <form
              className="msg__edit"
              onSubmit={(e) => {
                e.preventDefault();
                if (draft.trim()) edit.mutate(draft);
              }}
            >
              <label className="sr-only" htmlFor={`edit-${m.id}`}>
                {t('chat.editLabel')}
              </label>
              <textarea
                id={`edit-${m.id}`}
                className="input input--area"
                rows={3}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
              <ErrorAlert message={edit.isError ? errorMessage(t, edit.error) : null} />
              <div className="msg__edit-actions">
                <Button variant="secondary" small onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" small busy={edit.isPending}>
                  {t('common.save')}
                </Button>
              </div>
            </form>
          ) : (
            <>
              {m.html ? <RenderedBody html={m.html} className="msg__body" /> : null}
              {m.blocks?.length ? (
                <BlocksView
                  // The bot's edit is its answer: "Sent" and the last choices go with the old blocks.
                  key={m.editedAt ?? 'first'}
                  blocks={m.blocks}
                  label={t('blocks.of', { name: m.sender.displayName })}
                  onAction={(input) => actOnMessage(m.id, input)}
                />
              ) : null}
              <PostAttachments items={m.attachments} />
              {m.post ? <SharedPost post={m.post} /> : null}
            </>
          )}
        </div>
        {deleted || editing ? null : (
          <MessageMenu
            mine={mine}
            myReaction={myReaction}
            onReply={onReply}
            onReact={(kind) => react.mutate(kind === myReaction ? null : kind)}
            onEdit={() => {
              setDraft(m.body);
              edit.reset();
              setEditing(true);
            }}
            onDelete={() => {
              remove.reset();
              setConfirmDelete(true);
            }}
          />
        )}
      </div>
      <div className="msg__meta">
        <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
          {time(m.createdAt)}
        </time>
        {m.editedAt && !deleted ? <span className="msg__edited">{t('chat.edited')}</span> : null}
      </div>
      {reacted.length > 0 && !deleted ? (
        <ul className="msg__reactions" aria-label={t('chat.reactions')}>
          {reacted.map((r) => (
            <li key={r.kind}>
              <button
                type="button"
                className="msg__reaction"
                aria-pressed={r.personIds.includes(me.id)}
                aria-label={t('chat.reactionChip', { reaction: t(`posts.reactions.${r.kind}`), count: r.personIds.length })}
                title={r.personIds.map(nameOf).join(', ')}
                disabled={react.isPending}
                onClick={() => react.mutate(r.kind === myReaction ? null : r.kind)}
              >
                <span aria-hidden="true">{REACTION_EMOJI[r.kind]}</span>
                <span aria-hidden="true">{r.personIds.length}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert message={react.isError ? errorMessage(t, react.error) : null} />
      {seen ? (
        <p className="msg__seen" data-testid="seen">
          {seen}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={t('chat.deleteTitle')}
        description={t('chat.deleteLead')}
        confirmLabel={t('common.delete')}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => remove.mutate()}
      />
    </li>
  );
}

function SharedPost({ post }: { post: NonNullable<ChatMessage['post']> }) {
  const { t } = useTranslation();
  if (!post.visible) return <p className="msg__post msg__post--hidden">{t('chat.postHidden')}</p>;
  return (
    <Link to={`/posts/${post.id}`} className="msg__post">
      <span className="msg__post-label">{post.groupName ? t('chat.postIn', { group: post.groupName }) : t('chat.post')}</span>
      {post.excerpt ? <span className="msg__post-excerpt">{post.excerpt}</span> : null}
    </Link>
  );
}

/** A message of mine not yet acknowledged: "Sending…", or "Not sent" with a retry that sends the same key. */
export function PendingItem({ pending: p, onRetry }: { pending: PendingMessage; onRetry(): void }) {
  const { t } = useTranslation();
  const failed = p.status === 'failed';
  return (
    <li className={`msg msg--mine msg--pending${failed ? ' msg--failed' : ''}`} data-testid="message" data-status={p.status}>
      <div className="msg__row">
        <div className="msg__bubble">
          {p.replyTo ? (
            <blockquote className="msg__quote">
              <span className="msg__quote-name">{p.replyTo.sender.displayName}</span>
            </blockquote>
          ) : null}
          {p.body ? <p className="prewrap">{p.body}</p> : null}
          {p.attachments.length ? <p className="identity__meta">{p.attachments.map((a) => a.name).join(', ')}</p> : null}
        </div>
      </div>
      <div className="msg__meta" role="status">
        {failed ? (
          <>
            <span className="msg__failed">{t('chat.failed')}</span>
            {p.error ? <span className="sr-only">{p.error}</span> : null}
            <button type="button" className="link-button" onClick={onRetry}>
              {t('chat.retry')}
            </button>
          </>
        ) : (
          <span>{t('chat.sending')}</span>
        )}
      </div>
    </li>
  );
}
