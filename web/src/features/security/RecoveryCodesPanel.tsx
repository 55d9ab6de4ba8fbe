import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../api/identity';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';

interface Props {
  codes: string[];
  /** The company, written at the top of the saved file so the person knows what the codes open. */
  orgName: string;
  orgSlug: string;
  /** h2 on a page of its own, h3 inside a section. */
  titleLevel?: 'h2' | 'h3';
  doneLabel?: string;
  onDone(): void;
}

/** Recovery codes, shown once: copy them, save them as a text file, then say so to go on. */
export function RecoveryCodesPanel({ codes, orgName, orgSlug, titleLevel = 'h2', doneLabel, onDone }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [status, setStatus] = useState<'idle' | 'copied' | 'manual'>('idle');
  const Title = titleLevel;
  const text = [t('identity.recovery.fileTitle', { company: orgName }), '', ...codes, ''].join('\n');

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(codes.join('\n'));
      setStatus('copied');
    } catch {
      setStatus('manual');
    }
  }

  return (
    <section className="recovery-codes" aria-labelledby={titleId}>
      <Title id={titleId} className="recovery-codes__title">
        {t('identity.recovery.title')}
      </Title>
      <Alert tone="info">{t('identity.recovery.intro')}</Alert>
      <ul className="recovery-codes__list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('identity.recovery.copy')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), `recovery-codes-${orgSlug}.txt`)}
        >
          {t('identity.recovery.download')}
        </Button>
      </div>
      <p className="copy-field__status" role="status">
        {status === 'copied' ? t('identity.recovery.copied') : status === 'manual' ? t('identity.recovery.copyManually') : ''}
      </p>
      <Button onClick={onDone} className="btn--block-phone">
        {doneLabel ?? t('identity.recovery.saved')}
      </Button>
    </section>
  );
}
