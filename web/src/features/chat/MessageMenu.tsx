import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { REACTION_KINDS, type ReactionKindName } from '../../api/posts';
import { Icon } from '../../ui/icons';
import { REACTION_EMOJI } from '../posts/reactions';

interface Props {
  mine: boolean;
  myReaction: ReactionKindName | null;
  onReply(): void;
  onReact(kind: ReactionKindName): void;
  onEdit(): void;
  onDelete(): void;
}

/** A message's "…" menu: reply, the reactions (the chosen one again takes it back), and edit / delete for my own. */
export function MessageMenu({ mine, myReaction, onReply, onReact, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="icon-button msg__menu" aria-label={t('chat.messageActions')}>
        <Icon name="more" size={18} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="select-content" align={mine ? 'end' : 'start'} sideOffset={4}>
          <DropdownMenu.Item className="select-item" onSelect={onReply}>
            {t('chat.reply')}
          </DropdownMenu.Item>
          <DropdownMenu.Group className="msg__react-group" aria-label={t('chat.react')}>
            {REACTION_KINDS.map((kind) => (
              <DropdownMenu.CheckboxItem key={kind} className="select-item" checked={myReaction === kind} onSelect={() => onReact(kind)}>
                <span aria-hidden="true" className="reaction-menu__emoji">
                  {REACTION_EMOJI[kind]}
                </span>
                <span>{t(`posts.reactions.${kind}`)}</span>
              </DropdownMenu.CheckboxItem>
            ))}
          </DropdownMenu.Group>
          {mine ? (
            <>
              <DropdownMenu.Item className="select-item" onSelect={onEdit}>
                {t('common.edit')}
              </DropdownMenu.Item>
              <DropdownMenu.Item className="select-item select-item--danger" onSelect={onDelete}>
                {t('common.delete')}
              </DropdownMenu.Item>
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
