import { useTranslation } from 'react-i18next';
import type { SsoTestResult as Result } from '../../../api/sso';
import { Alert } from '../../../ui/Alert';
import { formatDate } from '../../../ui/format';

/** What the test found: the issuer discovered, or the provider's certificates and their dates. */
export function SsoTestResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  return (
    <div className="sso-test" data-testid="sso-test-result">
      <Alert tone={result.ok ? 'success' : 'error'}>
        <strong>{result.ok ? t('sso.test.ok') : t(`sso.test.problems.${result.problem ?? 'discovery'}`)}</strong>
        {result.ok && result.issuer ? <> {t('sso.test.issuer', { issuer: result.issuer })}</> : null}
        {!result.ok && result.message ? <span className="sso-test__detail">{result.message}</span> : null}
      </Alert>
      {result.certificates.length > 0 ? (
        <ul className="sso-certs">
          {result.certificates.map((c) => (
            <li key={c.fingerprint} className="sso-cert">
              <span className="sso-cert__subject">{c.subject}</span>
              <span className={c.expired ? 'sso-cert__date sso-cert__date--expired' : 'sso-cert__date'}>
                {c.expired
                  ? t('sso.cert.expired', { date: formatDate(c.validTo) })
                  : t('sso.cert.validUntil', { date: formatDate(c.validTo) })}
              </span>
              <span className="sso-cert__fingerprint">{c.fingerprint}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
