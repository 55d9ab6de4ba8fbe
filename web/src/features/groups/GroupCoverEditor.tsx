import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeGroupCover, uploadGroupCover, type GroupView } from '../../api/groups';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { useImagePick } from '../../ui/useImagePick';
import { useGroupMutation } from './useGroupMutation';

/** Group admins pick a cover, see it in place, then save it; or remove the current one. */
export function GroupCoverEditor({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const pick = useImagePick(() => {
    setDone(null);
    upload.reset();
    remove.reset();
  });
  const { input, file, preview, reset } = pick;
  const upload = useGroupMutation(group.id, (f: File) => uploadGroupCover(group.id, f));
  const remove = useGroupMutation(group.id, () => removeGroupCover(group.id));

  const shown = preview ?? group.coverUrl;
  const failure = pick.error ?? (upload.isError ? errorMessage(t, upload.error) : remove.isError ? errorMessage(t, remove.error) : null);
  return (
    <section className="card section" aria-labelledby="group-cover">
      <h2 id="group-cover" className="section__title">
        {t('groups.coverTitle')}
      </h2>
      {shown ? <img className="group-cover group-cover--preview" src={shown} alt="" /> : <p className="muted">{t('groups.coverNone')}</p>}
      <p className="muted">{file ? t('groups.coverPreview') : t('groups.coverHint')}</p>
      <div className="actions">
        {file ? (
          <>
            <Button busy={upload.isPending} onClick={() => upload.mutate(file, { onSuccess: () => (reset(), setDone('saved')) })}>
              {t('groups.coverSave')}
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
              {group.coverUrl ? t('groups.coverChange') : t('groups.coverChoose')}
            </label>
            {group.coverUrl ? (
              <Button
                variant="ghost"
                busy={remove.isPending}
                onClick={() => remove.mutate(undefined, { onSuccess: () => setDone('removed') })}
              >
                {t('groups.coverRemove')}
              </Button>
            ) : null}
          </>
        )}
      </div>
      <ErrorAlert message={failure} />
      {done ? <Alert tone="success">{done === 'saved' ? t('groups.coverSaved') : t('groups.coverRemoved')}</Alert> : null}
    </section>
  );
}
