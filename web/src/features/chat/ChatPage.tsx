import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useIsWide } from '../../ui/useMediaQuery';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';

/**
 * /chat and /chat/:id. Phone: the list, or one conversation full screen with a way back.
 * Desktop: both side by side.
 */
export function ChatPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { id } = useParams();
  const wide = useIsWide();
  usePageTitle(t('chat.title'), org.name);
  if (!wide) {
    return <div className="chat chat--narrow">{id ? <ConversationView key={id} id={id} wide={false} /> : <ConversationList />}</div>;
  }
  return (
    <div className="chat chat--wide">
      <div className="chat__list-pane">
        <ConversationList selectedId={id} />
      </div>
      <div className="chat__conversation-pane">
        {id ? (
          <ConversationView key={id} id={id} wide />
        ) : (
          <div className="chat__placeholder">
            <p>{t('chat.pickOne')}</p>
          </div>
        )}
      </div>
    </div>
  );
}
