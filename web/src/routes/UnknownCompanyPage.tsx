import { useTranslation } from 'react-i18next';
import { useAppContext } from '../app/appContext';
import { usePageTitle } from '../ui/usePageTitle';
import { PublicFrame } from './PublicFrame';

/** A sub-domain with no company behind it: send the person to the main address. */
export function UnknownCompanyPage() {
  const { t } = useTranslation();
  const { baseUrl } = useAppContext();
  usePageTitle(t('unknownCompany.title'));
  return (
    <PublicFrame title={t('unknownCompany.title')}>
      <p>{t('unknownCompany.body', { host: window.location.host })}</p>
      <p className="stack-sm">
        <a className="btn btn--primary" href={`${baseUrl}/find-company`}>
          {t('findCompany.navLink')}
        </a>
        <a className="btn btn--secondary" href={baseUrl}>
          {t('signUp.navLink')}
        </a>
      </p>
    </PublicFrame>
  );
}
