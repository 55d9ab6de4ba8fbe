import { BotBadge } from '../../ui/BotBadge';
import { actOnPost } from '../../api/blocks';
import { BlocksView } from '../blocks/BlocksView';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Post } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { errorMessage } from '../../ui/errors';
import { formatDateTime, formatRelative } from '../../ui/format';
import { SharePostDialog } from '../chat/SharePostDialog';
import { BodyForm } from './BodyForm';
import { Comments } from './Comments';
import { HistoryDialog } from './HistoryDialog';
import { PostAttachments } from './PostAttachments';
import { PostExtras } from './PostExtras';
import { PostMenu } from './PostMenu';
import { ReactionBar } from './ReactionBar';
import { RenderedBody } from './RenderedBody';
import { usePostActions } from './usePostActions';

/** One post: who and where, the text, reactions, and its comments on demand. */
interface Props {
  post: Post;
  showGroup?: boolean;
  note?: ReactNode;
  /** Comments shown from the start (a post on its own page). */
  commentsOpen?: boolean;
}

export function PostCard({ post, showGroup = true, note, commentsOpen: openAtFirst = false }: Props) {
  const { t } = useTranslation();
  const actions = usePostActions(post);
  const [editing, setEditing] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(openAtFirst);
  const subject = t('posts.postBy', { name: post.author.displayName });
  const commentsId = `comments-${post.id}`;
  return (
    <article className="post card" aria-label={subject} data-testid="post" tabIndex={-1}>
      <header className="post__head">
        <Avatar name={post.author.displayName} photoUrl={post.author.photoUrl} />
        <div className="post__who">
          <p className="post__names">
            <Link to={`/people/${post.author.id}`} className="post__author">
              {post.author.displayName}
            </Link>
            <BotBadge show={post.author.isBot} />
            {showGroup && post.group ? (
              <>
                <span className="post__in" aria-hidden="true">
                  ▸
                </span>
                <span className="sr-only">{t('posts.inGroup')}</span>
                <Link to={`/groups/${post.group.id}`} className="post__group">
                  {post.group.name}
                </Link>
              </>
            ) : null}
          </p>
          <p className="post__meta">
            <time dateTime={post.createdAt} title={formatDateTime(post.createdAt)}>
              {formatRelative(post.createdAt)}
            </time>
            <HistoryDialog post={post} />
            {post.pinned ? <span className="badge">{t('posts.pinned')}</span> : null}
          </p>
        </div>
        <PostMenu post={post} actions={actions} onEdit={() => setEditing(true)} />
      </header>
      <PostExtras post={post} part="top" />
      {note}
      {editing ? (
        <BodyForm
          label={t('posts.editLabel')}
          initial={post.bodyMarkdown}
          submitLabel={t('common.save')}
          busy={actions.edit.isPending}
          error={actions.edit.error}
          autoFocus
          rows={6}
          withHint
          onSubmit={async (body) => {
            try {
              await actions.edit.mutateAsync(body);
              setEditing(false);
            } catch {
              // Shown under the text box.
            }
            return false;
          }}
          onCancel={() => {
            actions.edit.reset();
            setEditing(false);
          }}
        />
      ) : (
        <RenderedBody html={post.bodyHtml} className="post__body" />
      )}
      {post.blocks?.length ? (
        <BlocksView
          // The bot's edit is its answer: "Sent" and the last choices go with the old blocks.
          key={post.editedAt ?? 'first'}
          blocks={post.blocks}
          label={t('blocks.of', { name: post.author.displayName })}
          onAction={(input) => actOnPost(post.id, input)}
        />
      ) : null}
      <PostAttachments items={post.attachments} />
      <PostExtras post={post} part="bottom" />
      <ErrorAlert message={actions.react.isError ? errorMessage(t, actions.react.error) : null} />
      <footer className="post__foot">
        <ReactionBar
          target="posts"
          id={post.id}
          counts={post.counts.reactions}
          mine={post.viewerReaction}
          // `can.comment` also says "comments are on"; with them off, the server decides on a reaction.
          canReact={post.can.comment || !post.commentsEnabled || post.viewerReaction !== null}
          busy={actions.react.isPending}
          onReact={(kind) => actions.react.mutate(kind)}
          subject={subject}
        />
        <div className="post__foot-end">
          <SharePostDialog post={post} />
          <button
            type="button"
            className="link-button post__comment-count"
            aria-expanded={commentsOpen}
            aria-controls={commentsOpen ? commentsId : undefined}
            onClick={() => setCommentsOpen((o) => !o)}
          >
            {post.counts.comments > 0 || post.commentsEnabled
              ? t('posts.commentCount', { count: post.counts.comments })
              : t('posts.commentsAreOff')}
          </button>
        </div>
      </footer>
      {commentsOpen ? <Comments post={post} id={commentsId} /> : null}
    </article>
  );
}
