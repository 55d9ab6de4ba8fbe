import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removePhoto, uploadPhoto } from '../../api/me';
import type { Person } from '../../api/types';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { useImagePick } from '../../ui/useImagePick';
import { updateSessionPerson } from '../session/sessionQuery';

/** My profile photo. */
export function PhotoEditor({ person }: { person: Person }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <PhotoPicker
      name={person.displayName}
      photoUrl={person.photoUrl}
      title={t('profile.photoTitle')}
      hint={t('profile.photoHint')}
      upload={uploadPhoto}
      remove={removePhoto}
      onSaved={(updated) => updateSessionPerson(client, updated)}
    />
  );
}

export interface PhotoPickerProps<T> {
  name: string;
  photoUrl: string | null;
  title: string;
  hint: string;
  upload: (file: File) => Promise<T>;
  remove: () => Promise<T>;
  onSaved: (answer: T) => void;
  /** What to say once saved and once removed (default: about my own photo). */
  savedText?: string;
  removedText?: string;
}

/** Pick a photo, see it in place, then save it; or remove the current one (a person's, a bot's). */
export function PhotoPicker<T>({
  name,
  photoUrl,
  title,
  hint,
  upload: send,
  remove: drop,
  onSaved,
  savedText,
  removedText,
}: PhotoPickerProps<T>) {
  const { t } = useTranslation();
  const inputId = useId();
  const titleId = useId();
  const [done, setDone] = useState<'uploaded' | 'removed' | null>(null);
  const pick = useImagePick(() => {
    setDone(null);
    upload.reset();
    remove.reset();
  });
  const { input, file, preview, reset } = pick;

  const upload = useMutation({
    mutationFn: send,
    onSuccess: (updated) => {
      onSaved(updated);
      reset();
      setDone('uploaded');
    },
  });
  const remove = useMutation({
    mutationFn: drop,
    onSuccess: (updated) => {
      onSaved(updated);
      setDone('removed');
    },
  });

  const failure = pick.error ?? (upload.isError ? errorMessage(t, upload.error) : remove.isError ? errorMessage(t, remove.error) : null);

  return (
    <section className="card section" aria-labelledby={titleId}>
      <h2 id={titleId} className="section__title">
        {title}
      </h2>
      <div className="photo-editor">
        <Avatar name={name} photoUrl={photoUrl} previewUrl={preview} size="lg" />
        <div className="photo-editor__controls">
          <p className="muted">{file ? t('profile.photoPreview') : hint}</p>
          <div className="actions">
            {file ? (
              <>
                <Button busy={upload.isPending} onClick={() => upload.mutate(file)}>
                  {t('profile.photoSave')}
                </Button>
                <Button variant="secondary" onClick={reset} disabled={upload.isPending}>
                  {t('common.cancel')}
                </Button>
              </>
            ) : (
              <>
                <input
                  ref={input}
                  id={inputId}
                  type="file"
                  accept="image/jpeg,image/png,image/webp,image/gif"
                  className="file-input"
                  onChange={pick.choose}
                />
                <label htmlFor={inputId} className="btn btn--secondary">
                  {photoUrl ? t('profile.photoChange') : t('profile.photoChoose')}
                </label>
                {photoUrl ? (
                  <Button variant="ghost" busy={remove.isPending} onClick={() => remove.mutate()}>
                    {t('profile.photoRemove')}
                  </Button>
                ) : null}
              </>
            )}
          </div>
        </div>
      </div>
      <ErrorAlert message={failure} />
      {done ? (
        <Alert tone="success">
          {done === 'uploaded' ? (savedText ?? t('profile.photoUploaded')) : (removedText ?? t('profile.photoRemoved'))}
        </Alert>
      ) : null}
    </section>
  );
}
