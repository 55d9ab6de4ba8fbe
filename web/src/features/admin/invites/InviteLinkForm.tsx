import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createInviteLink, type LinkRole } from '../../../api/admin';
import type { InviteLinkCreated } from '../../../api/types';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { CopyField } from '../../../ui/CopyField';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { SelectField, TextField } from '../../../ui/Field';
import { fieldErrors, formError } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { roleLabelKey } from '../../../ui/roles';
import { invitesKey } from './EmailInviteForm';

const EXPIRY_DAYS = [1, 7, 14, 30, 90];
const MAX_USES_LIMIT = 10_000;

export function InviteLinkForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [role, setRole] = useState<LinkRole>('member');
  const [maxUses, setMaxUses] = useState('50');
  const [days, setDays] = useState('7');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  // The link's secret is only in this answer: once dismissed it cannot be shown again.
  const [created, setCreated] = useState<InviteLinkCreated | null>(null);

  const mutation = useMutation({
    mutationFn: () => createInviteLink({ role, maxUses: Number(maxUses), expiresInDays: Number(days) }),
    onSuccess: (result) => {
      setCreated(result);
      void client.invalidateQueries({ queryKey: invitesKey('link') });
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const uses = Number(maxUses);
    if (!Number.isInteger(uses) || uses < 1 || uses > MAX_USES_LIMIT) {
      setErrors({ maxUses: t('invites.maxUsesRange', { max: MAX_USES_LIMIT }) });
      return;
    }
    setErrors({});
    mutation.mutate();
  }

  if (created) {
    return (
      <div className="created-link">
        <Alert tone="success">{t('invites.linkCreated', { expires: formatDateTime(created.invite.expiresAt) })}</Alert>
        <CopyField label={t('invites.linkLabel')} value={created.url} testId="invite-link-url" />
        <p className="muted">{t('invites.linkOnce')}</p>
        <div className="actions">
          <Button variant="secondary" onClick={() => setCreated(null)}>
            {t('invites.linkDone')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={mutation.isError ? formError(t, mutation.error, ['role', 'maxUses', 'expiresInDays']) : null} />
      <div className="form__row">
        <SelectField
          label={t('invites.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as LinkRole)}
          options={(['member', 'guest'] as const).map((r) => ({ value: r, label: t(roleLabelKey(r)) }))}
          error={errors.role}
        />
        <TextField
          label={t('invites.maxUses')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_USES_LIMIT}
          value={maxUses}
          onChange={(e) => setMaxUses(e.target.value)}
          error={errors.maxUses}
        />
        <SelectField
          label={t('invites.expiresIn')}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          options={EXPIRY_DAYS.map((d) => ({ value: String(d), label: t('invites.days', { count: d }) }))}
          error={errors.expiresInDays}
        />
      </div>
      <div className="actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('invites.createLink')}
        </Button>
      </div>
    </form>
  );
}
