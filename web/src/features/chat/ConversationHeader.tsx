import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { conversationsKey, updateConversationSettings, type Conversation } from '../../api/chat';
import { ErrorAlert } from '../../ui/Alert';
import { CallButtons } from '../calls/CallButtons';
import { Avatar } from '../../ui/Avatar';
import { BotBadge } from '../../ui/BotBadge';
import { errorMessage } from '../../ui/errors';
import { formatRelative } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { patchConversation } from './chatCache';
import { usePresence } from './hooks';
import { PeopleDialog } from './PeopleDialog';
import { RenameDialog } from './RenameDialog';

/** Name, presence or people, and the conversation's menu: rename, people, mute, archive. */
export function ConversationHeader({ conversation: c, wide, title }: { conversation: Conversation; wide: boolean; title: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<'rename' | 'people' | null>(null);
  const other = c.kind === 'direct' ? (c.people[0] ?? null) : null;
  const settings = useMutation({
    mutationFn: (patch: { muted?: boolean; archived?: boolean }) => updateConversationSettings(c.id, patch),
    onSuccess: (answer, patch) => {
      patchConversation(client, c.id, (x) => ({ ...x, ...patch }));
      if (answer && typeof answer === 'object' && 'id' in answer) patchConversation(client, c.id, () => answer);
      void client.invalidateQueries({ queryKey: conversationsKey });
    },
  });
  const Heading = wide ? 'h2' : 'h1';
  return (
    <header className="chat-head">
      {wide ? null : (
        <Link to="/chat" className="icon-button chat-head__back" aria-label={t('chat.backToList')}>
          <span aria-hidden="true">←</span>
        </Link>
      )}
      <Avatar name={other?.displayName ?? title} photoUrl={other?.photoUrl ?? null} size="sm" />
      <div className="chat-head__text">
        <Heading className="chat-head__title">
          {title} <BotBadge show={other?.isBot} />
        </Heading>
        <p className="chat-head__sub">
          {other ? (
            // A bot has no presence: it answers whenever its integration runs.
            other.isBot ? null : (
              <PresenceLine personId={other.id} />
            )
          ) : c.kind === 'linked' && c.group ? (
            <Link to={`/groups/${c.group.id}`}>{t('chat.groupChat', { group: c.group.name })}</Link>
          ) : (
            t('chat.peopleCount', { count: c.memberCount })
          )}
          {c.muted ? <span className="badge badge--off">{t('chat.muted')}</span> : null}
          {c.archived ? <span className="badge badge--off">{t('chat.archivedBadge')}</span> : null}
        </p>
      </div>
      <CallButtons conversation={c} />
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="icon-button" aria-label={t('chat.menu')}>
          <Icon name="more" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="select-content" align="end" sideOffset={4}>
            {c.can.rename ? (
              <DropdownMenu.Item className="select-item" onSelect={() => setDialog('rename')}>
                {t('chat.rename')}
              </DropdownMenu.Item>
            ) : null}
            {c.kind !== 'direct' ? (
              <DropdownMenu.Item className="select-item" onSelect={() => setDialog('people')}>
                {t('chat.people')}
              </DropdownMenu.Item>
            ) : null}
            <DropdownMenu.Item className="select-item" onSelect={() => settings.mutate({ muted: !c.muted })}>
              {c.muted ? t('chat.unmute') : t('chat.mute')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="select-item" onSelect={() => settings.mutate({ archived: !c.archived })}>
              {c.archived ? t('chat.unarchive') : t('chat.archive')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ErrorAlert message={settings.isError ? errorMessage(t, settings.error) : null} />
      {dialog === 'rename' ? <RenameDialog conversation={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'people' ? <PeopleDialog conversation={c} onClose={() => setDialog(null)} /> : null}
    </header>
  );
}

/** "Online", "Away" or "Offline · last active 3 hours ago", with a coloured dot. */
function PresenceLine({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const presence = usePresence(personId);
  const p = presence.data;
  if (!p) return null;
  return (
    <span className="presence" data-testid="presence" data-status={p.status}>
      <span className={`presence__dot presence__dot--${p.status}`} aria-hidden="true" />
      <span>{t(`chat.presence.${p.status}`)}</span>
      {p.status === 'offline' && p.lastActiveAt ? <span> · {t('chat.lastActive', { when: formatRelative(p.lastActiveAt) })}</span> : null}
    </span>
  );
}
