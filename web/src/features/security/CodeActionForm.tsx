import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { disableMyTotp, myTwoFactorKey, renewRecoveryCodes } from '../../api/identity';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { identityFieldErrors, identityFormError } from '../auth/identityErrors';
import { useSession } from '../session/SessionContext';
import { TotpCodeField } from './AuthenticatorSetup';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

/** New recovery codes or turning the authenticator off: both ask for a current code first. */
export function CodeActionForm({ kind, onDone, onCancel }: { kind: 'renew' | 'disable'; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ code?: string }>({});
  const formRef = useFocusFirstError(errors);
  const refresh = () => void client.invalidateQueries({ queryKey: myTwoFactorKey });
  const renew = useMutation({
    mutationFn: () => renewRecoveryCodes(code),
    gcTime: 0,
    onError: (e) => setErrors(identityFieldErrors(t, e)),
  });
  const disable = useMutation({
    mutationFn: () => disableMyTotp(code),
    onSuccess: () => {
      refresh();
      onDone();
    },
    onError: (e) => setErrors(identityFieldErrors(t, e)),
  });
  const mutation = kind === 'renew' ? renew : disable;

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = code.length !== 6 ? { code: t('identity.totp.sixDigits') } : {};
    setErrors(found);
    if (!found.code) mutation.mutate();
  }

  if (renew.data) {
    return (
      <RecoveryCodesPanel
        codes={renew.data.recoveryCodes}
        orgName={org.name}
        orgSlug={org.slug}
        titleLevel="h3"
        onDone={() => {
          refresh();
          onDone();
        }}
      />
    );
  }
  return (
    <form ref={formRef} className="form two-factor__panel" onSubmit={submit} noValidate>
      <p>{kind === 'renew' ? t('identity.twoFactor.newCodesIntro') : t('identity.twoFactor.turnOffIntro')}</p>
      <ErrorAlert message={identityFormError(t, mutation.error, ['code'])} />
      <TotpCodeField label={t('identity.totp.codeLabel')} value={code} onChange={setCode} error={errors.code} autoFocus />
      <div className="actions">
        <Button type="submit" variant={kind === 'disable' ? 'danger' : 'primary'} busy={mutation.isPending}>
          {kind === 'renew' ? t('identity.twoFactor.newCodes') : t('identity.twoFactor.turnOff')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
