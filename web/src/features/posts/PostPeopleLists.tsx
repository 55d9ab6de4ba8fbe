import { useTranslation } from 'react-i18next';
import {
  fetchPollVoters,
  fetchRsvps,
  fetchSeenBy,
  type PollVoter,
  type Post,
  type RsvpAnswer,
  type RsvpItem,
  type SeenByItem,
} from '../../api/posts';
import { postKey } from '../../api/queryKeys';
import { formatRelative } from '../../ui/format';
import { PeopleListDialog, type PeopleTab } from './PeopleListDialog';

type WithAnnouncement = Post & { announcement: NonNullable<Post['announcement']> };
type WithPoll = Post & { poll: NonNullable<Post['poll']> };
type WithEvent = Post & { event: NonNullable<Post['event']> };

/** "Seen by N of M" that opens who has and who has not seen the announcement (its author and the group's moderators). */
export function SeenByDialog({ post }: { post: WithAnnouncement }) {
  const { t } = useTranslation();
  const a = post.announcement;
  const tabs: [PeopleTab<SeenByItem>, PeopleTab<SeenByItem>] = [
    {
      key: 'seen',
      label: t('posts.seenBy.seenTab', { count: a.seenCount }),
      empty: t('posts.seenBy.noneSeen'),
      fetch: (cursor) => fetchSeenBy(post.id, true, cursor),
      extra: (x) => (x.seenAt ? <span className="identity__meta people-list__note">{formatRelative(x.seenAt)}</span> : null),
    },
    {
      key: 'unseen',
      label: t('posts.seenBy.unseenTab', { count: Math.max(0, a.audienceCount - a.seenCount) }),
      empty: t('posts.seenBy.allSeen'),
      fetch: (cursor) => fetchSeenBy(post.id, false, cursor),
    },
  ];
  return (
    <PeopleListDialog
      trigger={t('posts.announcement.seenBy', { seen: a.seenCount, count: a.audienceCount })}
      title={t('posts.seenBy.title')}
      queryKey={[...postKey(post.id), 'seen-by']}
      version={`${a.seenCount}/${a.audienceCount}`}
      tabs={tabs}
    />
  );
}

/** "N people voted" that opens who voted, for all options or one. */
export function PollVotersDialog({ post }: { post: WithPoll }) {
  const { t } = useTranslation();
  const poll = post.poll;
  const optionText = new Map(poll.options.map((o) => [o.id, o.text]));
  const choice = (x: PollVoter) => <span className="identity__meta people-list__note">{optionText.get(x.optionId)}</span>;
  const tabs: [PeopleTab<PollVoter>, ...PeopleTab<PollVoter>[]] = [
    {
      key: 'all',
      label: t('posts.voters.all', { count: poll.voters }),
      empty: t('posts.voters.none'),
      fetch: (cursor) => fetchPollVoters(post.id, undefined, cursor),
      extra: choice,
    },
    ...poll.options.map((o) => ({
      key: o.id,
      label: t('posts.voters.option', { option: o.text, count: o.votes }),
      empty: t('posts.voters.none'),
      fetch: (cursor?: string) => fetchPollVoters(post.id, o.id, cursor),
    })),
  ];
  return (
    <PeopleListDialog
      trigger={t('posts.poll.voters', { count: poll.voters })}
      title={t('posts.voters.title')}
      tabsLabel={t('posts.voters.filter')}
      queryKey={[...postKey(post.id), 'voters']}
      version={`${poll.voters}:${poll.options.map((o) => o.votes).join(',')}`}
      tabs={tabs}
    />
  );
}

/** "3 going · 1 maybe · 0 can't go" that opens who answered what. */
export function RsvpsDialog({ post }: { post: WithEvent }) {
  const { t } = useTranslation();
  const { counts } = post.event;
  const tab = (answer: RsvpAnswer): PeopleTab<RsvpItem> => ({
    key: answer,
    label: t('posts.rsvps.tab', { answer: t(`posts.event.${answer}`), count: counts[answer] }),
    empty: t('posts.rsvps.none'),
    fetch: (cursor?: string) => fetchRsvps(post.id, answer, cursor),
  });
  const tabs: [PeopleTab<RsvpItem>, ...PeopleTab<RsvpItem>[]] = [tab('going'), tab('maybe'), tab('declined')];
  return (
    <PeopleListDialog
      trigger={t('posts.event.counts', { going: counts.going, maybe: counts.maybe, declined: counts.declined })}
      title={t('posts.rsvps.title')}
      tabsLabel={t('posts.rsvps.filter')}
      queryKey={[...postKey(post.id), 'rsvps']}
      version={`${counts.going}/${counts.maybe}/${counts.declined}`}
      tabs={tabs}
    />
  );
}
