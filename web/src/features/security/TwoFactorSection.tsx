import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchMyTwoFactor, myTwoFactorKey, type TwoFactorStatus } from '../../api/identity';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { CodeActionForm } from './CodeActionForm';
import { ForgetDevices } from './ForgetDevices';
import { TwoFactorSetup } from './TwoFactorSetup';

type Mode = 'idle' | 'setup' | 'renew' | 'disable';

/** Two-step verification on the Security page: its state, setting it up, recovery codes, turning it off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: myTwoFactorKey, queryFn: fetchMyTwoFactor });
  const [mode, setMode] = useState<Mode>('idle');
  const [notice, setNotice] = useState<string | null>(null);
  const open = (m: Mode) => {
    setNotice(null);
    setMode(m);
  };

  return (
    <section className="card section" aria-labelledby="security-two-factor">
      <h2 id="security-two-factor" className="section__title">
        {t('identity.twoFactor.title')}
      </h2>
      <p className="muted">{t('identity.twoFactor.lead')}</p>
      {status.isPending ? <Loading /> : null}
      {status.isError ? <ErrorAlert message={errorMessage(t, status.error)} /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {status.data ? (
        <>
          <StatusLine status={status.data} />
          {mode === 'setup' ? (
            <TwoFactorSetup onDone={() => open('idle')} onCancel={() => open('idle')} />
          ) : mode === 'renew' ? (
            <CodeActionForm kind="renew" onDone={() => open('idle')} onCancel={() => open('idle')} />
          ) : mode === 'disable' ? (
            <CodeActionForm
              kind="disable"
              onDone={() => {
                open('idle');
                setNotice(t('identity.twoFactor.turnedOff'));
              }}
              onCancel={() => open('idle')}
            />
          ) : status.data.enabled ? (
            <div className="actions">
              <Button variant="secondary" onClick={() => open('renew')}>
                {t('identity.twoFactor.newCodes')}
              </Button>
              {status.data.required ? null : (
                <Button variant="danger-outline" onClick={() => open('disable')}>
                  {t('identity.twoFactor.turnOff')}
                </Button>
              )}
            </div>
          ) : (
            <div className="actions">
              <Button onClick={() => open('setup')}>{t('identity.twoFactor.setUp')}</Button>
            </div>
          )}
          {status.data.enabled && status.data.required && mode === 'idle' ? (
            <p className="field__hint two-factor__note">{t('identity.twoFactor.requiredNoOff')}</p>
          ) : null}
          {status.data.enabled || status.data.rememberedDevices > 0 ? <ForgetDevices count={status.data.rememberedDevices} /> : null}
        </>
      ) : null}
    </section>
  );
}

function StatusLine({ status }: { status: TwoFactorStatus }) {
  const { t } = useTranslation();
  return (
    <div className="two-factor__status">
      <p>
        <span className={`badge badge--${status.enabled ? 'ok' : 'off'} badge--first`}>
          {status.enabled ? t('identity.twoFactor.on') : t('identity.twoFactor.off')}
        </span>{' '}
        {status.enabled
          ? t('identity.twoFactor.codesLeft', { count: status.recoveryCodesLeft })
          : status.required
            ? t('identity.twoFactor.requiredNext')
            : t('identity.twoFactor.offHint')}
      </p>
    </div>
  );
}
