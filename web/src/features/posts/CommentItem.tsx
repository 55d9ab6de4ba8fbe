import { BotBadge } from '../../ui/BotBadge';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchReplies, type Comment, type Post } from '../../api/posts';
import { repliesKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/errors';
import { formatDateTime, formatRelative } from '../../ui/format';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { useSession } from '../session/SessionContext';
import { BodyForm } from './BodyForm';
import { ReactionBar } from './ReactionBar';
import { RenderedBody } from './RenderedBody';
import { useCommentActions, useOneComment } from './useCommentActions';

interface Props {
  comment: Comment;
  post: Post;
  /** Set on replies: the top-level comment whose thread they belong to. */
  thread?: Comment;
  /** On a reply, "Reply" opens the thread's reply box, addressed to this reply's author. */
  onReply?(to: Comment): void;
}

/** A comment (or a reply): author, time, text, reactions, and what I may do with it. */
export function CommentItem({ comment, post, thread, onReply }: Props) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const actions = useCommentActions(post);
  const one = useOneComment(comment);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const [showReplies, setShowReplies] = useState(false);
  const isTop = thread === undefined;
  const replies = useInfiniteQuery({
    queryKey: repliesKey(post.id, comment.id),
    queryFn: ({ pageParam }) => fetchReplies(comment.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: isTop && (showReplies || replyTo !== null) && comment.replyCount > 0,
  });
  const mine = comment.author?.id === me.id;
  const name = comment.author?.displayName ?? '';
  const subject = t('posts.commentBy', { name });
  const startReply = (to: Comment) => {
    setReplyTo(to);
    setShowReplies(true);
  };
  const reply = (to: Comment) => (onReply ? onReply(to) : startReply(to));
  const replyItems = replies.data?.pages.flatMap((p) => p.items) ?? [];
  const mention = (to: Comment) => (to.author && to.author.id !== me.id ? `@[${to.author.displayName}](person:${to.author.id}) ` : '');

  return (
    <li className={`comment${isTop ? '' : ' comment--reply'}`} data-testid="comment">
      {comment.deleted || !comment.author || comment.bodyHtml === null ? (
        <p className="comment__tombstone">{t('posts.commentDeleted')}</p>
      ) : (
        <div className="comment__main">
          <Avatar name={comment.author.displayName} photoUrl={comment.author.photoUrl} size="sm" />
          <div className="comment__bubble-wrap">
            <div className="comment__bubble">
              <Link to={`/people/${comment.author.id}`} className="comment__author">
                {comment.author.displayName}
              </Link>
              <BotBadge show={comment.author.isBot} />
              {editing ? (
                <BodyForm
                  label={t('posts.editCommentLabel')}
                  initial={comment.bodyMarkdown ?? ''}
                  submitLabel={t('common.save')}
                  busy={one.edit.isPending}
                  error={one.edit.error}
                  autoFocus
                  rows={2}
                  onSubmit={async (body) => {
                    try {
                      await one.edit.mutateAsync(body);
                      setEditing(false);
                    } catch {
                      // Shown under the text box.
                    }
                    return false;
                  }}
                  onCancel={() => setEditing(false)}
                />
              ) : (
                <RenderedBody html={comment.bodyHtml} className="comment__body" />
              )}
            </div>
            <div className="comment__actions">
              <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
                {formatRelative(comment.createdAt)}
              </time>
              {comment.editedAt ? <span title={formatDateTime(comment.editedAt)}>{t('posts.edited')}</span> : null}
              <ReactionBar
                target="comments"
                id={comment.id}
                counts={comment.counts.reactions}
                mine={comment.viewerReaction}
                canReact={post.can.comment}
                busy={one.react.isPending}
                onReact={(kind) => one.react.mutate(kind)}
                subject={subject}
              />
              {post.can.comment ? (
                <button type="button" className="link-button" aria-label={t('posts.replyTo', { name })} onClick={() => reply(comment)}>
                  {t('posts.reply')}
                </button>
              ) : null}
              {mine && !editing ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('posts.editComment', { name })}
                  onClick={() => setEditing(true)}
                >
                  {t('common.edit')}
                </button>
              ) : null}
              {mine || post.can.delete ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('posts.deleteComment', { name })}
                  onClick={() => setConfirming(true)}
                >
                  {t('common.delete')}
                </button>
              ) : null}
            </div>
            <ErrorAlert message={one.react.isError ? errorMessage(t, one.react.error) : null} />
          </div>
        </div>
      )}
      {isTop && comment.replyCount > 0 && !showReplies ? (
        <button type="button" className="link-button comment__replies-toggle" onClick={() => setShowReplies(true)}>
          {t('posts.showReplies', { count: comment.replyCount })}
        </button>
      ) : null}
      {isTop && (showReplies || replyTo) ? (
        <div className="comment__thread">
          {replies.isFetching && replyItems.length === 0 ? <Loading /> : null}
          <ErrorAlert message={replies.isError ? errorMessage(t, replies.error) : null} />
          {replyItems.length > 0 ? (
            <ul className="comment-list">
              {replyItems.map((r) => (
                <CommentItem key={r.id} comment={r} post={post} thread={comment} onReply={startReply} />
              ))}
            </ul>
          ) : null}
          <LoadMore query={replies} label={t('posts.moreReplies')} />
          {replyTo && post.can.comment ? (
            <BodyForm
              key={replyTo.id}
              label={t('posts.replyTo', { name: replyTo.author?.displayName ?? '' })}
              hideLabel
              placeholder={t('posts.replyPlaceholder')}
              initial={mention(replyTo)}
              submitLabel={t('posts.reply')}
              busy={actions.create.isPending}
              error={actions.create.error}
              autoFocus
              rows={2}
              onSubmit={async (body) => {
                try {
                  await actions.create.mutateAsync({ body, parentId: replyTo.id });
                  setReplyTo(null);
                  return true;
                } catch {
                  return false;
                }
              }}
              onCancel={() => setReplyTo(null)}
            />
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('posts.deleteCommentTitle')}
        description={t('posts.deleteCommentBody')}
        confirmLabel={t('common.delete')}
        danger
        busy={actions.remove.isPending}
        error={actions.remove.isError ? errorMessage(t, actions.remove.error) : null}
        onConfirm={() =>
          actions.remove.mutate(comment.id, {
            onSuccess: () => setConfirming(false),
          })
        }
      />
    </li>
  );
}
