import { useTranslation } from 'react-i18next';
import type { CreatePostInput } from '../../api/posts';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

export const POLL_MAX_OPTIONS = 20;

export interface PollDraft {
  options: string[];
  multiple: boolean;
  /** A `datetime-local` value, or '' for a poll that stays open. */
  closesAt: string;
}
export interface EventDraft {
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
}
export type Extra = { kind: 'none' } | { kind: 'poll'; poll: PollDraft } | { kind: 'event'; event: EventDraft };

/** `datetime-local` values are local times without a zone; the server wants ISO 8601 with one. */
const toIso = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

/** The part of a new post's request that the extras add. */
export function extraInput(extra: Extra, important: boolean): Pick<CreatePostInput, 'poll' | 'event' | 'important'> {
  const out: Pick<CreatePostInput, 'poll' | 'event' | 'important'> = important ? { important: true } : {};
  if (extra.kind === 'poll') {
    const p = extra.poll;
    out.poll = {
      options: p.options,
      ...(p.multiple ? { multiple: true } : {}),
      ...(p.closesAt ? { closesAt: toIso(p.closesAt) ?? '' } : {}),
    };
  }
  if (extra.kind === 'event') {
    const e = extra.event;
    out.event = {
      startsAt: toIso(e.startsAt) ?? '',
      ...(e.endsAt ? { endsAt: toIso(e.endsAt) ?? '' } : {}),
      ...(e.title.trim() ? { title: e.title.trim() } : {}),
      ...(e.place.trim() ? { place: e.place.trim() } : {}),
    };
  }
  return out;
}

interface Props {
  extra: Extra;
  onChange(next: Extra): void;
  /** Group admins and moderators may post announcements. */
  canAnnounce: boolean;
  important: boolean;
  onImportantChange(important: boolean): void;
  errors: Record<string, string>;
}

/** Add a poll or an event to a new post, or mark it as an announcement. */
export function ComposerExtras({ extra, onChange, canAnnounce, important, onImportantChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <div className="composer-extras">
      <div className="composer-extras__row">
        <Button
          small
          variant="secondary"
          aria-pressed={extra.kind === 'poll'}
          onClick={() =>
            onChange(
              extra.kind === 'poll' ? { kind: 'none' } : { kind: 'poll', poll: { options: ['', ''], multiple: false, closesAt: '' } },
            )
          }
        >
          {t('posts.compose.poll')}
        </Button>
        <Button
          small
          variant="secondary"
          aria-pressed={extra.kind === 'event'}
          onClick={() =>
            onChange(
              extra.kind === 'event' ? { kind: 'none' } : { kind: 'event', event: { title: '', startsAt: '', endsAt: '', place: '' } },
            )
          }
        >
          {t('posts.compose.event')}
        </Button>
        {canAnnounce ? (
          <label className="choice composer-extras__choice">
            <input type="checkbox" checked={important} onChange={(e) => onImportantChange(e.target.checked)} />
            <span className="choice__label">{t('posts.compose.announcement')}</span>
          </label>
        ) : null}
      </div>
      {errors.important ? <p className="field__error">{errors.important}</p> : null}
      {extra.kind === 'poll' ? (
        <PollEditor poll={extra.poll} onChange={(poll) => onChange({ kind: 'poll', poll })} error={errors.poll} />
      ) : null}
      {extra.kind === 'event' ? (
        <EventEditor event={extra.event} onChange={(event) => onChange({ kind: 'event', event })} error={errors.event} />
      ) : null}
    </div>
  );
}

function PollEditor({ poll, onChange, error }: { poll: PollDraft; onChange(p: PollDraft): void; error?: string }) {
  const { t } = useTranslation();
  const setOption = (i: number, text: string) => onChange({ ...poll, options: poll.options.map((o, j) => (j === i ? text : o)) });
  return (
    <fieldset className="composer-extras__box">
      <legend className="poll__legend">{t('posts.compose.pollTitle')}</legend>
      {poll.options.map((o, i) => (
        <div key={i} className="composer-extras__option">
          <TextField
            label={t('posts.compose.option', { n: i + 1 })}
            value={o}
            maxLength={200}
            onChange={(e) => setOption(i, e.target.value)}
          />
          {poll.options.length > 2 ? (
            <button
              type="button"
              className="icon-button"
              aria-label={t('posts.compose.removeOption', { n: i + 1 })}
              onClick={() => onChange({ ...poll, options: poll.options.filter((_, j) => j !== i) })}
            >
              <span aria-hidden="true">×</span>
            </button>
          ) : null}
        </div>
      ))}
      {poll.options.length < POLL_MAX_OPTIONS ? (
        <Button small variant="secondary" onClick={() => onChange({ ...poll, options: [...poll.options, ''] })}>
          {t('posts.compose.addOption')}
        </Button>
      ) : null}
      <label className="choice composer-extras__choice">
        <input type="checkbox" checked={poll.multiple} onChange={(e) => onChange({ ...poll, multiple: e.target.checked })} />
        <span className="choice__label">{t('posts.compose.multiple')}</span>
      </label>
      <TextField
        label={t('posts.compose.closesAt')}
        hint={t('posts.compose.closesAtHint')}
        type="datetime-local"
        value={poll.closesAt}
        onChange={(e) => onChange({ ...poll, closesAt: e.target.value })}
      />
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

function EventEditor({ event, onChange, error }: { event: EventDraft; onChange(e: EventDraft): void; error?: string }) {
  const { t } = useTranslation();
  const set = (patch: Partial<EventDraft>) => onChange({ ...event, ...patch });
  return (
    <fieldset className="composer-extras__box">
      <legend className="poll__legend">{t('posts.compose.eventTitle')}</legend>
      <TextField
        label={t('posts.compose.eventName')}
        value={event.title}
        maxLength={200}
        onChange={(e) => set({ title: e.target.value })}
      />
      <div className="form__row form__row--two">
        <TextField
          label={t('posts.compose.startsAt')}
          type="datetime-local"
          required
          value={event.startsAt}
          onChange={(e) => set({ startsAt: e.target.value })}
        />
        <TextField
          label={t('posts.compose.endsAt')}
          type="datetime-local"
          value={event.endsAt}
          onChange={(e) => set({ endsAt: e.target.value })}
        />
      </div>
      <TextField label={t('posts.compose.place')} value={event.place} maxLength={200} onChange={(e) => set({ place: e.target.value })} />
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
