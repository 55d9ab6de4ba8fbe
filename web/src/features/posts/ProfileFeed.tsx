import { useTranslation } from 'react-i18next';
import { fetchPersonFeed } from '../../api/posts';
import { personFeedKey } from '../../api/queryKeys';
import { useSession } from '../session/SessionContext';
import { Composer } from './Composer';
import { PostFeed } from './PostFeed';

/** "Recent activity" on a profile: the person's posts the viewer may see; on my own, a box to post. */
export function ProfileFeed({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const key = personFeedKey(personId);
  return (
    <section className="feed-section" aria-labelledby="profile-activity">
      <h2 id="profile-activity" className="section__title">
        {t('posts.recentActivity')}
      </h2>
      {personId === me.id && me.role !== 'guest' ? <Composer feedKeys={[key]} label={t('posts.writeOnProfile')} /> : null}
      <PostFeed
        queryKey={key}
        fetchPage={(cursor) => fetchPersonFeed(personId, cursor)}
        scope={`person:${personId}`}
        emptyTitle={t('posts.noProfilePosts')}
        emptyBody={t('posts.noProfilePostsBody', { name })}
      />
    </section>
  );
}
