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

/** Pick a photo, see it in place, then save it; or remove the current one. */
export function PhotoEditor({ person }: { person: Person }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const inputId = useId();
  const [done, setDone] = useState<'uploaded' | 'removed' | null>(null);
  const pick = useImagePick(() => {
    setDone(null);
    upload.reset();
    remove.reset();
  });
  const { input, file, preview, reset } = pick;

  const upload = useMutation({
    mutationFn: uploadPhoto,
    onSuccess: (updated) => {
      updateSessionPerson(client, updated);
      reset();
      setDone('uploaded');
    },
  });
  const remove = useMutation({
    mutationFn: removePhoto,
    onSuccess: (updated) => {
      updateSessionPerson(client, updated);
      setDone('removed');
    },
  });

  const failure = pick.error ?? (upload.isError ? errorMessage(t, upload.error) : remove.isError ? errorMessage(t, remove.error) : null);

  return (
    <section className="card section" aria-labelledby="profile-photo">
      <h2 id="profile-photo" className="section__title">
        {t('profile.photoTitle')}
      </h2>
      <div className="photo-editor">
        <Avatar name={person.displayName} photoUrl={person.photoUrl} previewUrl={preview} size="lg" />
        <div className="photo-editor__controls">
          <p className="muted">{file ? t('profile.photoPreview') : t('profile.photoHint')}</p>
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
                  {person.photoUrl ? t('profile.photoChange') : t('profile.photoChoose')}
                </label>
                {person.photoUrl ? (
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
      {done ? <Alert tone="success">{done === 'uploaded' ? t('profile.photoUploaded') : t('profile.photoRemoved')}</Alert> : null}
    </section>
  );
}
