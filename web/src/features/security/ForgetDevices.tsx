import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { forgetRememberedDevices, myTwoFactorKey } from '../../api/identity';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';

/** Devices where "remember this device" skips the code; forgetting them asks for a code again everywhere. */
export function ForgetDevices({ count }: { count: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const forget = useMutation({
    mutationFn: forgetRememberedDevices,
    onSuccess: () => void client.invalidateQueries({ queryKey: myTwoFactorKey }),
  });
  return (
    <div className="two-factor__devices">
      <h3 className="section__subtitle">{t('identity.twoFactor.devicesTitle')}</h3>
      <p className="muted">{count === 0 ? t('identity.twoFactor.devicesNone') : t('identity.twoFactor.devices', { count })}</p>
      <ErrorAlert message={forget.isError ? errorMessage(t, forget.error) : null} />
      {forget.isSuccess ? <Alert tone="success">{t('identity.twoFactor.devicesForgotten')}</Alert> : null}
      <div className="actions">
        <Button variant="secondary" busy={forget.isPending} disabled={count === 0} onClick={() => forget.mutate()}>
          {t('identity.twoFactor.forgetDevices')}
        </Button>
      </div>
    </div>
  );
}
