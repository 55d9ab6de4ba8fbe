import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sendEmailInvites, type InviteRole } from '../../../api/admin';
import { isApiError } from '../../../api/client';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField, TextAreaField } from '../../../ui/Field';
import { errorMessage } from '../../../ui/errors';
import { roleLabelKey } from '../../../ui/roles';
import { parseEmails } from './parseEmails';

const MAX_AT_ONCE = 100;
const INVITE_ROLES: InviteRole[] = ['member', 'admin', 'guest'];

export const invitesKey = (kind: 'email' | 'link') => ['admin', 'invites', kind] as const;

export function EmailInviteForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [role, setRole] = useState<InviteRole>('member');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [pending, setPending] = useState<string[]>([]);

  const mutation = useMutation({
    mutationFn: (emails: string[]) => sendEmailInvites(emails, role),
    onSuccess: (result) => {
      setSent(result.items.length);
      setText('');
      void client.invalidateQueries({ queryKey: invitesKey('email') });
    },
    onError: (err) => {
      // The server names the position of a refused address ('emails.2'): say which one it is.
      const bad = isApiError(err)
        ? (err.problem.errors ?? []).map((e) => /^emails\.(\d+)$/.exec(e.field)).flatMap((m) => (m ? [pending[Number(m[1])]] : []))
        : [];
      const named = bad.filter((x): x is string => Boolean(x));
      setError(named.length ? t('invites.invalidAddresses', { list: named.join(', ') }) : errorMessage(t, err));
    },
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    setSent(null);
    const { valid, invalid } = parseEmails(text);
    if (invalid.length) return setError(t('invites.invalidAddresses', { list: invalid.join(', ') }));
    if (valid.length === 0) return setError(t('invites.noAddresses'));
    if (valid.length > MAX_AT_ONCE) return setError(t('invites.tooMany', { count: MAX_AT_ONCE }));
    setError(null);
    setPending(valid);
    mutation.mutate(valid);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextAreaField
        label={t('invites.addresses')}
        hint={t('invites.addressesHint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={4}
        autoCapitalize="none"
        spellCheck={false}
        error={error}
      />
      <SelectField
        label={t('invites.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as InviteRole)}
        options={INVITE_ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))}
        hint={t(`invites.roleHint.${role}`)}
      />
      <div className="actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('invites.send')}
        </Button>
      </div>
      {sent !== null ? <Alert tone="success">{t('invites.sent', { count: sent })}</Alert> : null}
    </form>
  );
}
