import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEED_ORDERS, fetchHomeFeed, type FeedOrder, type FeedPost } from '../../api/feed';
import { homeFeedKey } from '../../api/queryKeys';
import { Composer } from './Composer';
import { PostFeed } from './PostFeed';
import { WhyNote } from './WhyNote';

/** The home feed: my groups, people I follow and myself, newest first or the "Top" order. */
export function HomeFeed({ canPost }: { canPost: boolean }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<FeedOrder>('recent');
  return (
    <section className="feed-section" aria-labelledby="home-feed">
      <div className="feed-section__head">
        <h2 id="home-feed" className="section__title">
          {t('posts.homeTitle')}
        </h2>
        <div className="kind-filter" role="group" aria-label={t('posts.order')}>
          {FEED_ORDERS.map((o) => (
            <button key={o} type="button" className="kind-filter__item" aria-pressed={order === o} onClick={() => setOrder(o)}>
              {t(o === 'recent' ? 'posts.orderRecent' : 'posts.orderTop')}
            </button>
          ))}
        </div>
      </div>
      {canPost ? <Composer feedKeys={[homeFeedKey('recent')]} label={t('posts.writeOnProfile')} /> : null}
      <PostFeed
        key={order}
        queryKey={homeFeedKey(order)}
        fetchPage={(cursor) => fetchHomeFeed(order, cursor)}
        scope={order === 'recent' ? 'home' : undefined}
        emptyTitle={t('posts.homeEmpty')}
        emptyBody={t('posts.homeEmptyBody')}
        note={(post) => <WhyNote post={post as FeedPost} />}
      />
    </section>
  );
}
