import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../api/groups';
import { fetchGroupFeed } from '../../api/posts';
import { groupFeedKey } from '../../api/queryKeys';
import { Composer } from './Composer';
import { PendingPosts } from './PendingPosts';
import { PostFeed } from './PostFeed';

/** A group's posts (pinned first) with the box to write one when the viewer may post. */
export function GroupFeed({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const key = groupFeedKey(group.id);
  return (
    <section className="feed-section" aria-labelledby="group-posts">
      <h2 id="group-posts" className="section__title">
        {t('posts.feedTitle')}
      </h2>
      {!group.can.seePosts ? (
        <p className="muted">{t('posts.membersOnly')}</p>
      ) : (
        <>
          {group.can.post && !group.archivedAt ? (
            <Composer
              groupId={group.id}
              feedKeys={[key]}
              label={t('posts.writeInGroup', { group: group.name })}
              canAnnounce={group.can.moderate}
            />
          ) : null}
          {group.can.moderate ? <PendingPosts groupId={group.id} /> : null}
          <PostFeed
            queryKey={key}
            fetchPage={(cursor) => fetchGroupFeed(group.id, cursor)}
            scope={`group:${group.id}`}
            showGroup={false}
            emptyTitle={t('posts.noGroupPosts')}
            emptyBody={group.can.post ? t('posts.noGroupPostsBody') : undefined}
          />
        </>
      )}
    </section>
  );
}
