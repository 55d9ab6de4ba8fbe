import { useTranslation } from 'react-i18next';
import type { CreateConversation } from '../../api/chat';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { useStartConversation } from './NewConversationDialog';

/** "Message" on a profile, "Chat" on a group: opens (creating if needed) the conversation and goes to it. */
export function StartChatButton({ input, label }: { input: CreateConversation; label: string }) {
  const { t } = useTranslation();
  const start = useStartConversation();
  return (
    <>
      <Button variant="secondary" busy={start.isPending} onClick={() => start.mutate(input)}>
        {label}
      </Button>
      <ErrorAlert message={start.isError ? errorMessage(t, start.error) : null} />
    </>
  );
}
