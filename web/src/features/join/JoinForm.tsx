import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptInvite } from '../../api/auth';
import type { InvitePreview } from '../../api/types';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { roleInlineKey } from '../../ui/roles';
import { onlyErrors, validateEmail, validatePassword, validateRequired } from '../../ui/validate';
import { useFinishSignIn } from '../auth/useFinishSignIn';

type Errors = Partial<Record<'displayName' | 'email' | 'password', string>>;

export function JoinForm({ token, invite }: { token: string; invite: InvitePreview }) {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  // A shareable link names no address, so the person gives theirs; an e-mailed one already has it.
  const needsEmail = invite.email === null;
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);

  const mutation = useMutation({
    mutationFn: () =>
      acceptInvite(token, {
        displayName: displayName.trim(),
        ...(needsEmail ? { email: email.trim() } : {}),
        password,
        locale: currentLanguage(),
      }),
    // Signed in, or one more step the company asks for (second factor, terms) on its own page.
    onSuccess: (result) => finish(result, '/'),
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = onlyErrors({
      displayName: validateRequired(t, displayName),
      email: needsEmail ? validateEmail(t, email) : undefined,
      password: validatePassword(t, password),
    });
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  return (
    <>
      <p className="public__intro">
        {t('join.invitedBy', { name: invite.invitedBy, company: invite.org.name, role: t(roleInlineKey(invite.role)) })}
      </p>
      {invite.email ? <p className="muted">{t('join.asEmail', { email: invite.email })}</p> : null}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={mutation.isError ? formError(t, mutation.error, ['displayName', 'email', 'password']) : null} />
        <TextField
          label={t('fields.yourName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          autoComplete="name"
          required
          maxLength={100}
          error={errors.displayName}
        />
        {needsEmail ? (
          <TextField
            label={t('fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            required
            error={errors.email}
          />
        ) : null}
        <TextField
          label={t('fields.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          required
          hint={t('validation.passwordHint')}
          error={errors.password}
        />
        <Button type="submit" busy={mutation.isPending} className="btn--block">
          {t('join.submit')}
        </Button>
      </form>
    </>
  );
}
