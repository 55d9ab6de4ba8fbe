import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RSVP_ANSWERS, type Post } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { useSession } from '../session/SessionContext';
import { PollVotersDialog, RsvpsDialog, SeenByDialog } from './PostPeopleLists';
import { usePostExtras } from './usePostExtras';

type Extras = ReturnType<typeof usePostExtras>;

/** A poll: choose (one or several) and vote; the results show once I voted or the poll closed. */
function PollView({ post, extras }: { post: Post; extras: Extras }) {
  const { t } = useTranslation();
  const name = useId();
  const poll = post.poll;
  const [chosen, setChosen] = useState<string[] | null>(null);
  if (!poll) return null;
  const picked = chosen ?? poll.viewerChoices;
  const voted = poll.viewerChoices.length > 0;
  const showResults = voted || poll.closed;
  const canVote = !poll.closed && post.status === 'published';
  const toggle = (id: string) => setChosen(poll.multiple ? (picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]) : [id]);
  const send = (ids: string[]) => extras.vote.mutate(ids, { onSuccess: () => setChosen(null) });
  return (
    <fieldset className="poll">
      <legend className="poll__legend">{t(poll.multiple ? 'posts.poll.titleMultiple' : 'posts.poll.title')}</legend>
      <ul className="poll__options">
        {poll.options.map((o) => {
          const share = poll.voters > 0 ? Math.round((o.votes / poll.voters) * 100) : 0;
          return (
            <li key={o.id} className="poll__option">
              <label className="poll__choice">
                <input
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={name}
                  checked={picked.includes(o.id)}
                  disabled={!canVote}
                  onChange={() => toggle(o.id)}
                />
                <span className="poll__text">{o.text}</span>
                {showResults ? <span className="poll__share">{t('posts.poll.votes', { count: o.votes, share })}</span> : null}
              </label>
              {showResults ? (
                <span className="poll__bar" aria-hidden="true">
                  {/* Set through the CSSOM by React, which the content-security-policy allows. */}
                  <span className="poll__fill" style={{ width: `${share}%` }} />
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="poll__meta">
        {/* Who voted shows with the results, so that it does not sway the vote either. */}
        {showResults && poll.voters > 0 ? <PollVotersDialog post={{ ...post, poll }} /> : t('posts.poll.voters', { count: poll.voters })}
        {poll.closesAt ? ` · ${t(poll.closed ? 'posts.poll.closed' : 'posts.poll.closes', { when: formatDateTime(poll.closesAt) })}` : ''}
      </p>
      {canVote ? (
        <div className="poll__actions">
          <Button small busy={extras.vote.isPending} disabled={picked.length === 0 || chosen === null} onClick={() => send(picked)}>
            {t(voted ? 'posts.poll.change' : 'posts.poll.vote')}
          </Button>
          {voted ? (
            <Button small variant="ghost" disabled={extras.vote.isPending} onClick={() => send([])}>
              {t('posts.poll.takeBack')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <ErrorAlert message={extras.vote.isError ? errorMessage(t, extras.vote.error) : null} />
    </fieldset>
  );
}

/** An event: when and where, who comes, and my answer. */
function EventView({ post, extras }: { post: Post; extras: Extras }) {
  const { t } = useTranslation();
  const event = post.event;
  if (!event) return null;
  const when = event.endsAt ? `${formatDateTime(event.startsAt)} – ${formatDateTime(event.endsAt)}` : formatDateTime(event.startsAt);
  return (
    <section className="event" aria-label={t('posts.event.label')}>
      {event.title ? <p className="event__title">{event.title}</p> : null}
      <p>
        <time dateTime={event.startsAt}>{when}</time>
      </p>
      {event.place ? <p className="muted">{event.place}</p> : null}
      <p className="event__counts">
        {event.counts.going + event.counts.maybe + event.counts.declined > 0 ? (
          <RsvpsDialog post={{ ...post, event }} />
        ) : (
          t('posts.event.counts', { going: event.counts.going, maybe: event.counts.maybe, declined: event.counts.declined })
        )}
      </p>
      {post.status === 'published' ? (
        <div className="event__answers" role="group" aria-label={t('posts.event.yourAnswer')}>
          {RSVP_ANSWERS.map((a) => (
            <button
              key={a}
              type="button"
              className="kind-filter__item"
              aria-pressed={event.viewerAnswer === a}
              disabled={extras.rsvp.isPending}
              onClick={() => extras.rsvp.mutate(a)}
            >
              {t(`posts.event.${a}`)}
            </button>
          ))}
        </div>
      ) : null}
      <ErrorAlert message={extras.rsvp.isError ? errorMessage(t, extras.rsvp.error) : null} />
    </section>
  );
}

/** An announcement: "Mark as seen" for readers, "Seen by N of M" for everyone. */
function AnnouncementBar({ post, extras }: { post: Post; extras: Extras }) {
  const { t } = useTranslation();
  const { person } = useSession();
  const a = post.announcement;
  if (!a) return null;
  return (
    <div className="announcement">
      <span className="badge badge--announce">{t('posts.announcement.label')}</span>
      {/* The list is for the author and the group's admins and moderators (who may also pin). */}
      {post.author.id === person.id || post.can.pin ? (
        <SeenByDialog post={{ ...post, announcement: a }} />
      ) : (
        <span className="muted">{t('posts.announcement.seenBy', { seen: a.seenCount, count: a.audienceCount })}</span>
      )}
      {!a.seenByViewer && post.author.id !== person.id && post.status === 'published' ? (
        <Button small variant="secondary" busy={extras.seen.isPending} onClick={() => extras.seen.mutate()}>
          {t('posts.announcement.markSeen')}
        </Button>
      ) : null}
      {a.seenByViewer ? <span className="badge badge--ok">{t('posts.announcement.seen')}</span> : null}
      <ErrorAlert message={extras.seen.isError ? errorMessage(t, extras.seen.error) : null} />
    </div>
  );
}

/** A post waiting for approval: its author is told so; the group's moderators decide. */
function PendingBar({ post, extras }: { post: Post; extras: Extras }) {
  const { t } = useTranslation();
  if (post.status === 'published') return null;
  const failed = extras.approve.error ?? extras.decline.error;
  return (
    <div className="pending">
      <span className="badge badge--off">{t(post.status === 'pending' ? 'posts.pending.waiting' : 'posts.pending.declined')}</span>
      {/* Pinning and deciding are both for the group's admins and moderators. */}
      {post.status === 'pending' && post.can.pin ? (
        <>
          <Button small busy={extras.approve.isPending} onClick={() => extras.approve.mutate()}>
            {t('posts.pending.approve')}
          </Button>
          <Button small variant="danger-outline" busy={extras.decline.isPending} onClick={() => extras.decline.mutate()}>
            {t('posts.pending.decline')}
          </Button>
        </>
      ) : null}
      <ErrorAlert message={failed ? errorMessage(t, failed) : null} />
    </div>
  );
}

/** Everything a post may carry beside its text. */
export function PostExtras({ post, part }: { post: Post; part: 'top' | 'bottom' }) {
  const extras = usePostExtras(post);
  if (part === 'top') {
    return (
      <>
        <PendingBar post={post} extras={extras} />
        <AnnouncementBar post={post} extras={extras} />
      </>
    );
  }
  return (
    <>
      <PollView post={post} extras={extras} />
      <EventView post={post} extras={extras} />
    </>
  );
}
