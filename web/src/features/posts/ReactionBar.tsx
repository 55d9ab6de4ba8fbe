import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { REACTION_KINDS, type ReactionCounts, type ReactionKindName, type ReactionTarget } from '../../api/posts';
import { REACTION_EMOJI } from './reactions';
import { ReactionsDialog } from './ReactionsDialog';

interface Props {
  target: ReactionTarget;
  id: string;
  counts: ReactionCounts;
  mine: ReactionKindName | null;
  /** Whether I may react (a member of the group, the group not archived). */
  canReact: boolean;
  busy?: boolean;
  onReact(kind: ReactionKindName | null): void;
  /** What the reactions are about, for screen readers ("the post by Zoë", "Zoë's comment"). */
  subject: string;
}

const isKind = (v: string): v is ReactionKindName => (REACTION_KINDS as readonly string[]).includes(v);

/**
 * One button for the usual "Like" (or to take my reaction back), a menu with the six kinds, and
 * the counts, which open who reacted.
 */
export function ReactionBar({ target, id, counts, mine, canReact, busy, onReact, subject }: Props) {
  const { t } = useTranslation();
  const main = mine ?? 'like';
  return (
    <div className="reaction-bar">
      {canReact ? (
        <>
          <button
            type="button"
            className={`reaction-button${mine ? ' reaction-button--mine' : ''}`}
            aria-pressed={mine !== null}
            aria-label={t('posts.reactTo', { reaction: t(`posts.reactions.${main}`), subject })}
            disabled={busy}
            onClick={() => onReact(mine ? null : 'like')}
          >
            <span aria-hidden="true">{REACTION_EMOJI[main]}</span>
            <span>{t(`posts.reactions.${main}`)}</span>
          </button>
          <DropdownMenu.Root modal={false}>
            <DropdownMenu.Trigger className="reaction-more" disabled={busy} aria-label={t('posts.chooseReaction', { subject })}>
              <span aria-hidden="true">▾</span>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="reaction-menu" align="start" sideOffset={4}>
                <DropdownMenu.RadioGroup value={mine ?? ''} onValueChange={(v) => isKind(v) && onReact(v === mine ? null : v)}>
                  {REACTION_KINDS.map((kind) => (
                    <DropdownMenu.RadioItem key={kind} value={kind} className="reaction-menu__item">
                      <span aria-hidden="true" className="reaction-menu__emoji">
                        {REACTION_EMOJI[kind]}
                      </span>
                      <span>{t(`posts.reactions.${kind}`)}</span>
                    </DropdownMenu.RadioItem>
                  ))}
                </DropdownMenu.RadioGroup>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </>
      ) : null}
      <ReactionsDialog target={target} id={id} counts={counts} subject={subject} />
    </div>
  );
}
