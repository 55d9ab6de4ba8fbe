import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptInvitation, declineInvitation, joinGroup, leaveGroup, type GroupView } from '../../api/groups';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/errors';
import { InviteDialog } from './InviteDialog';
import { useGroupMutation } from './useGroupMutation';

/** What the viewer can do about their membership, given where they stand. */
export function GroupActions({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [confirmLeave, setConfirmLeave] = useState(false);
  const join = useGroupMutation(group.id, () => joinGroup(group.id));
  const leave = useGroupMutation(group.id, () => leaveGroup(group.id));
  const accept = useGroupMutation(group.id, () => acceptInvitation(group.id));
  const decline = useGroupMutation(group.id, () => declineInvitation(group.id));
  const failed = [join, accept, decline, leave].find((m) => m.isError);
  const archived = group.archivedAt !== null;

  let status: string | null = null;
  let buttons = null;
  if (group.membership) {
    status = t('groups.youAre', { role: t(`groups.roles.${group.membership.role}`) });
    buttons = (
      <Button variant="secondary" onClick={() => (leave.reset(), setConfirmLeave(true))}>
        {t('groups.leave')}
      </Button>
    );
  } else if (group.pending === 'invite') {
    status = t('groups.invitedLead');
    buttons = (
      <>
        <Button busy={accept.isPending} onClick={() => accept.mutate()}>
          {t('groups.accept')}
        </Button>
        <Button variant="secondary" busy={decline.isPending} onClick={() => decline.mutate()}>
          {t('groups.decline')}
        </Button>
      </>
    );
  } else if (group.pending === 'request') {
    status = t('groups.requestPendingLead');
    buttons = (
      <Button variant="secondary" busy={leave.isPending} onClick={() => leave.mutate()}>
        {t('groups.cancelRequest')}
      </Button>
    );
  } else if (group.can.join && !archived) {
    buttons = (
      <Button busy={join.isPending} onClick={() => join.mutate()}>
        {t('groups.join')}
      </Button>
    );
  } else if (group.can.requestToJoin && !archived) {
    status = t('groups.closedLead');
    buttons = (
      <Button busy={join.isPending} onClick={() => join.mutate()}>
        {t('groups.requestToJoin')}
      </Button>
    );
  }

  return (
    <div className="group-actions">
      {status ? <p className="group-actions__status">{status}</p> : null}
      <div className="actions">
        {buttons}
        {group.can.moderate && !archived ? <InviteDialog group={group} /> : null}
      </div>
      {join.isSuccess && join.data && 'status' in join.data && join.data.status === 'requested' ? (
        <Alert tone="success">{t('groups.requestSent')}</Alert>
      ) : null}
      <ErrorAlert message={failed && !confirmLeave ? errorMessage(t, failed.error) : null} />
      <ConfirmDialog
        open={confirmLeave}
        onOpenChange={setConfirmLeave}
        title={t('groups.leaveTitle', { name: group.name })}
        description={t(group.visibility === 'secret' ? 'groups.leaveBodySecret' : 'groups.leaveBody')}
        confirmLabel={t('groups.leave')}
        danger
        busy={leave.isPending}
        error={leave.isError ? errorMessage(t, leave.error) : null}
        onConfirm={() => leave.mutate(undefined, { onSuccess: () => setConfirmLeave(false) })}
      />
    </div>
  );
}
