import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createPost, type Attachment, type Post } from '../../api/posts';
import { personFeedKey } from '../../api/queryKeys';
import { fieldErrors } from '../../ui/errors';
import { useSession } from '../session/SessionContext';
import { Avatar } from '../../ui/Avatar';
import { AttachmentPicker } from './AttachmentPicker';
import { ComposerExtras, extraInput, type Extra } from './ComposerExtras';
import { BodyForm } from './BodyForm';
import { forgetNewPost } from './newPosts';
import { prependPost } from './postCache';

interface Props {
  /** The group to post in; without one, the post goes on my profile. */
  groupId?: string;
  /** The feeds that should show the new post at once (the one under this box, for a start). */
  feedKeys: ReadonlyArray<readonly unknown[]>;
  label: string;
  /** Group admins and moderators may post announcements. */
  canAnnounce?: boolean;
}

/** "Write a post": Markdown with @mentions, into a group or onto my profile. */
export function Composer({ groupId, feedKeys, label, canAnnounce = false }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { person } = useSession();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [extra, setExtra] = useState<Extra>({ kind: 'none' });
  const [important, setImportant] = useState(false);
  const send = useMutation({
    mutationFn: (body: string) =>
      createPost({
        body,
        groupId,
        ...(attachments.length > 0 ? { attachmentIds: attachments.map((a) => a.id) } : {}),
        ...extraInput(extra, important),
      }),
    onSuccess: (post: Post) => {
      setAttachments([]);
      setExtra({ kind: 'none' });
      setImportant(false);
      for (const key of [...feedKeys, personFeedKey(person.id)]) prependPost(client, key, post);
      forgetNewPost(post.id);
    },
  });
  return (
    <div className="composer card">
      <Avatar name={person.displayName} photoUrl={person.photoUrl} />
      <BodyForm
        label={label}
        placeholder={t('posts.composerPlaceholder')}
        submitLabel={t('posts.publish')}
        busy={send.isPending}
        error={send.error}
        rows={3}
        withHint
        ready={!uploading}
        allowEmpty={attachments.length > 0}
        knownFields={['body', 'poll', 'event', 'important']}
        onSubmit={async (body) => {
          try {
            await send.mutateAsync(body);
            return true;
          } catch {
            return false;
          }
        }}
      >
        <AttachmentPicker value={attachments} onChange={setAttachments} onBusyChange={setUploading} />
        <ComposerExtras
          extra={extra}
          onChange={setExtra}
          canAnnounce={canAnnounce && groupId !== undefined}
          important={important}
          onImportantChange={setImportant}
          errors={fieldErrors(t, send.error)}
        />
      </BodyForm>
    </div>
  );
}
