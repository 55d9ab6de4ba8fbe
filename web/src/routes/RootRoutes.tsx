import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { FindCompanyPage } from '../features/find-company/FindCompanyPage';
import { SignUpPage } from '../features/signup/SignUpPage';

/** The base domain: no company yet, so only creating one or finding yours. */
export function RootRoutes() {
  return (
    <Routes>
      <Route index element={<SignUpPage />} />
      <Route path="find-company" element={<FindCompanyPage />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function RootNav() {
  const { t } = useTranslation();
  return (
    <nav className="public__nav" aria-label={t('nav.public')}>
      <NavLink to="/" end className="public__navlink">
        {t('signUp.navLink')}
      </NavLink>
      <NavLink to="/find-company" className="public__navlink">
        {t('findCompany.navLink')}
      </NavLink>
    </nav>
  );
}
