import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadAccessCodeSheet, type IssuedAccessCode } from '../../../api/identity';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { formatDate } from '../../../ui/format';
import { useIsWide } from '../../../ui/useMediaQuery';
import { identityErrorMessage } from '../../auth/identityErrors';
import { useSession } from '../../session/SessionContext';

/** Codes just issued: shown this once, to hand over, print (PDF) or export (CSV). */
export function IssuedCodes({ codes, onDone }: { codes: IssuedAccessCode[]; onDone(): void }) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const wide = useIsWide();
  const sheet = useMutation({ mutationFn: (format: 'pdf' | 'csv') => downloadAccessCodeSheet(format, codes, csrfToken) });

  return (
    <div className="issued-codes">
      <Alert tone="info">{t('identity.codes.onceWarning', { count: codes.length })}</Alert>
      {wide ? (
        <div className="table-wrap">
          <table className="table" data-testid="issued-codes">
            <caption className="sr-only">{t('identity.codes.issuedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('identity.codes.colPerson')}</th>
                <th scope="col">{t('identity.codes.colLogin')}</th>
                <th scope="col">{t('identity.codes.colCode')}</th>
                <th scope="col">{t('identity.codes.colExpires')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.personId}>
                  <td>{c.displayName}</td>
                  <td>{c.login}</td>
                  <td>
                    <code className="access-code">{c.code}</code>
                  </td>
                  <td>{formatDate(c.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ul className="code-cards" data-testid="issued-codes">
          {codes.map((c) => (
            <li key={c.personId} className="code-card">
              <p className="code-card__name">{c.displayName}</p>
              <p className="identity__meta">{t('identity.codes.loginIs', { login: c.login })}</p>
              <code className="access-code">{c.code}</code>
              <p className="identity__meta">{t('identity.codes.expires', { date: formatDate(c.expiresAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={sheet.isError ? identityErrorMessage(t, sheet.error) : null} />
      <div className="actions">
        <Button variant="secondary" busy={sheet.isPending && sheet.variables === 'pdf'} onClick={() => sheet.mutate('pdf')}>
          {t('identity.codes.downloadPdf')}
        </Button>
        <Button variant="secondary" busy={sheet.isPending && sheet.variables === 'csv'} onClick={() => sheet.mutate('csv')}>
          {t('identity.codes.downloadCsv')}
        </Button>
        <Button onClick={onDone}>{t('identity.codes.done')}</Button>
      </div>
    </div>
  );
}
