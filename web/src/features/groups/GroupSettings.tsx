import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setGroupArchived, updateGroup, type GroupView } from '../../api/groups';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage, fieldErrors, formError } from '../../ui/errors';
import { validateRequired } from '../../ui/validate';
import { GroupCoverEditor } from './GroupCoverEditor';
import { draftOf, GroupFields, type GroupDraft } from './GroupFields';
import { useGroupMutation } from './useGroupMutation';

const FIELDS = ['name', 'description', 'visibility', 'postPermission', 'postApproval'];

/** Group admins change the group's fields, and archive or unarchive it. */
export function GroupSettings({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<GroupDraft>(() => draftOf(group));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmArchive, setConfirmArchive] = useState(false);
  const save = useGroupMutation(group.id, (d: GroupDraft) =>
    updateGroup(group.id, { ...d, name: d.name.trim(), description: d.description.trim() }),
  );
  const archive = useGroupMutation(group.id, (a: boolean) => setGroupArchived(group.id, a));
  const archived = group.archivedAt !== null;

  function submit(event: FormEvent): void {
    event.preventDefault();
    const required = validateRequired(t, draft.name);
    setErrors(required ? { name: required } : {});
    if (!required) save.mutate(draft, { onError: (e) => setErrors(fieldErrors(t, e)) });
  }

  return (
    <>
      <section className="card section" aria-labelledby="group-settings">
        <h2 id="group-settings" className="section__title">
          {t('groups.tabs.settings')}
        </h2>
        <form className="form" onSubmit={submit} noValidate>
          <ErrorAlert message={save.isError ? formError(t, save.error, FIELDS) : null} />
          <GroupFields draft={draft} onChange={setDraft} errors={errors} />
          <div className="actions">
            <Button type="submit" busy={save.isPending}>
              {t('groups.saveSettings')}
            </Button>
          </div>
          {save.isSuccess ? <Alert tone="success">{t('groups.settingsSaved')}</Alert> : null}
        </form>
      </section>
      <GroupCoverEditor group={group} />
      <section className="card section" aria-labelledby="group-archive">
        <h2 id="group-archive" className="section__title">
          {t(archived ? 'groups.unarchiveTitle' : 'groups.archiveTitle')}
        </h2>
        <p className="muted">{t(archived ? 'groups.unarchiveBody' : 'groups.archiveBody')}</p>
        <div className="actions">
          <Button variant={archived ? 'secondary' : 'danger-outline'} onClick={() => (archive.reset(), setConfirmArchive(true))}>
            {t(archived ? 'groups.unarchive' : 'groups.archive')}
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={confirmArchive}
        onOpenChange={setConfirmArchive}
        title={t(archived ? 'groups.unarchiveTitle' : 'groups.archiveTitle')}
        description={t(archived ? 'groups.unarchiveBody' : 'groups.archiveBody')}
        confirmLabel={t(archived ? 'groups.unarchive' : 'groups.archive')}
        danger={!archived}
        busy={archive.isPending}
        error={archive.isError ? errorMessage(t, archive.error) : null}
        onConfirm={() => archive.mutate(!archived, { onSuccess: () => setConfirmArchive(false) })}
      />
    </>
  );
}
