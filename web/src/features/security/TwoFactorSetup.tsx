import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmMyTotp, myTwoFactorKey, startMyTotpSetup } from '../../api/identity';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { identityErrorMessage, identityFieldErrors, identityFormError } from '../auth/identityErrors';
import { useSession } from '../session/SessionContext';
import { AuthenticatorSetup, TotpCodeField } from './AuthenticatorSetup';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

/** Setting up an authenticator from the Security page: a new secret, a first code, the recovery codes once. */
export function TwoFactorSetup({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const client = useQueryClient();
  // Secrets and recovery codes leave memory with the panel (no copy kept in the mutation cache).
  const start = useMutation({ mutationFn: startMyTotpSetup, gcTime: 0 });
  const asked = useRef(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ code?: string }>({});
  const formRef = useFocusFirstError(errors);
  const confirm = useMutation({
    mutationFn: () => confirmMyTotp(code),
    gcTime: 0,
    onError: (error) => setErrors(identityFieldErrors(t, error)),
  });

  // A new secret each time the panel opens (one request, even when the effect runs twice).
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    start.mutate();
  }, [start]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = code.length !== 6 ? { code: t('identity.totp.sixDigits') } : {};
    setErrors(found);
    if (!found.code) confirm.mutate();
  }

  if (confirm.data) {
    return (
      <RecoveryCodesPanel
        codes={confirm.data.recoveryCodes}
        orgName={org.name}
        orgSlug={org.slug}
        titleLevel="h3"
        onDone={() => {
          void client.invalidateQueries({ queryKey: myTwoFactorKey });
          onDone();
        }}
      />
    );
  }
  return (
    <div className="two-factor__panel">
      {start.isPending ? <Loading /> : null}
      {start.isError ? <ErrorAlert message={identityErrorMessage(t, start.error)} /> : null}
      {start.data ? (
        <>
          <AuthenticatorSetup enrollment={start.data} />
          <form ref={formRef} className="form" onSubmit={submit} noValidate>
            <ErrorAlert message={identityFormError(t, confirm.error, ['code'])} />
            <TotpCodeField
              label={t('identity.setup.codeLabel')}
              hint={t('identity.setup.codeHint')}
              value={code}
              onChange={setCode}
              error={errors.code}
            />
            <div className="actions">
              <Button type="submit" busy={confirm.isPending}>
                {t('identity.setup.submit')}
              </Button>
              <Button variant="secondary" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </>
      ) : start.isError ? (
        <div className="actions">
          <Button variant="secondary" onClick={onCancel}>
            {t('common.close')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
