import { useMutation } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadAttachment, type Attachment } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { Loading } from '../../ui/Loading';

export const MAX_ATTACHMENTS = 10;

interface Props {
  value: Attachment[];
  onChange(next: Attachment[]): void;
  onBusyChange(busy: boolean): void;
}

/**
 * Photos and files for a new post: each is uploaded as soon as it is chosen (the server keeps it
 * mine until the post takes it) and shown with a button to take it off again.
 */
export function AttachmentPicker({ value, onChange, onBusyChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      onBusyChange(true);
      try {
        for (const file of files) {
          const added = await uploadAttachment(file);
          latest.current = [...latest.current, added];
          onChange(latest.current);
        }
      } finally {
        onBusyChange(false);
      }
    },
  });
  const room = MAX_ATTACHMENTS - value.length;
  return (
    <div className="attach">
      <ChosenAttachments value={value} onRemove={(a) => onChange(value.filter((x) => x.id !== a.id))} />
      <div className="attach__row">
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          className="sr-only"
          disabled={room <= 0 || upload.isPending}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].slice(0, room);
            e.target.value = '';
            if (files.length > 0) upload.mutate(files);
          }}
        />
        <label htmlFor={id} className={`btn btn--secondary btn--small attach__button${room <= 0 ? ' is-disabled' : ''}`}>
          {t('posts.attach.add')}
        </label>
        {upload.isPending ? <Loading /> : null}
        <span className="identity__meta">{t('posts.attach.limit', { count: MAX_ATTACHMENTS })}</span>
      </div>
      <ErrorAlert message={upload.isError ? errorMessage(t, upload.error) : null} />
    </div>
  );
}

/** Uploads chosen for a post or a chat message, each with a button to take it off again. */
export function ChosenAttachments({ value, onRemove }: { value: Attachment[]; onRemove(a: Attachment): void }) {
  const { t } = useTranslation();
  if (value.length === 0) return null;
  return (
    <ul className="attach__list" aria-label={t('posts.attach.chosen')}>
      {value.map((a) => (
        <li key={a.id} className="attach__item">
          {a.kind === 'image' && a.thumbnailUrl ? <img src={a.thumbnailUrl} alt="" className="attach__thumb" /> : null}
          <span className="attach__name">{a.name}</span>
          <button
            type="button"
            className="icon-button attach__remove"
            aria-label={t('common.removeName', { name: a.name })}
            onClick={() => onRemove(a)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
