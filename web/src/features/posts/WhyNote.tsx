import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedPost, FeedReason } from '../../api/feed';

function useReasonText() {
  const { t } = useTranslation();
  return (r: FeedReason): string => {
    const group = r.groupName ?? '';
    const author = r.authorName ?? '';
    const count = r.count ?? 0;
    switch (r.kind) {
      case 'member_of_group':
        return t('posts.why.memberOfGroup', { group });
      case 'follows_author':
        return t('posts.why.followsAuthor', { author });
      case 'own_post':
        return t('posts.why.ownPost');
      case 'announcement':
        return t('posts.why.announcement');
      case 'popular':
        return t('posts.why.popular', { count });
      case 'interacted_with_author':
        return t('posts.why.interactedWithAuthor', { author, count });
      case 'interacted_with_group':
        return t('posts.why.interactedWithGroup', { group, count });
      case 'recent':
        return t('posts.why.recent');
      default:
        return r.text;
    }
  };
}

/** "Why am I seeing this?" above a home feed post: the reasons, and in the Top order the score. */
export function WhyNote({ post }: { post: FeedPost }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const text = useReasonText();
  const why = post.why;
  if (!why || why.reasons.length === 0) return null;
  const id = `why-${post.id}`;
  return (
    <div className="why">
      <button type="button" className="link-button why__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t('posts.why.title')}
      </button>
      <div id={id} hidden={!open} className="why__body">
        <ul className="why__reasons">
          {why.reasons.map((r, i) => (
            <li key={`${r.kind}-${i}`}>{text(r)}</li>
          ))}
        </ul>
        {why.score !== undefined && why.terms ? (
          <p className="why__score">
            {t('posts.why.score', {
              score: Math.round(why.score),
              recency: Math.round(why.terms.recency),
              author: Math.round(why.terms.author),
              group: Math.round(why.terms.group),
              engagement: Math.round(why.terms.engagement),
              announcement: Math.round(why.terms.announcement),
            })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
