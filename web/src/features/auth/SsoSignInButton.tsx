import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ssoStartUrl } from '../../api/identity';
import { fetchSsoAvailability, ssoAvailabilityKey } from '../../api/sso';

/**
 * "Sign in with <the company's provider>", shown only when the company has single sign-on on.
 * A link, not a button: the server's /auth/sso/start sends the browser to the provider.
 */
export function SsoSignInButton({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const sso = useQuery({ queryKey: ssoAvailabilityKey, queryFn: fetchSsoAvailability, staleTime: 60_000, retry: false });
  if (!sso.data?.enabled) return null;
  const label = sso.data.displayName ? t('sso.signIn.with', { name: sso.data.displayName }) : t('sso.signIn.withSso');
  return (
    <div className="sso-entry">
      <a className={`btn btn--block ${sso.data.enforced ? 'btn--primary' : 'btn--secondary'}`} href={ssoStartUrl(returnTo)}>
        {label}
      </a>
      <p className="sso-entry__or">{sso.data.enforced ? t('sso.signIn.enforced') : t('sso.signIn.orPassword')}</p>
    </div>
  );
}
