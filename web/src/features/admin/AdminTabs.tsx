import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { useIsWide } from '../../ui/useMediaQuery';

/** On phones the admin tab opens here; these switch between its screens. */
export function AdminTabs() {
  const { t } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const wide = useIsWide();
  // The current screen's tab may be past the right edge: bring it into view, sideways only.
  useEffect(() => {
    const bar = nav.current;
    const active = bar?.querySelector<HTMLElement>('.active');
    if (!bar || !active) return;
    const left = active.offsetLeft - bar.offsetLeft;
    if (left + active.offsetWidth > bar.scrollLeft + bar.clientWidth || left < bar.scrollLeft) bar.scrollLeft = left - 16;
  }, [pathname, wide]);
  // On wide screens the side bar already lists them all.
  if (wide) return null;
  return (
    <nav ref={nav} className="subtabs subtabs--scroll" aria-label={t('nav.adminSections')}>
      <NavLink to="/admin/people" className="subtabs__link">
        {t('nav.people')}
      </NavLink>
      <NavLink to="/admin/invitations" className="subtabs__link">
        {t('nav.invitations')}
      </NavLink>
      <NavLink to="/admin/groups" className="subtabs__link">
        {t('nav.groupsAdmin')}
      </NavLink>
      <NavLink to="/admin/profile-fields" className="subtabs__link">
        {t('nav.profileFields')}
      </NavLink>
      <NavLink to="/admin/sign-in" className="subtabs__link">
        {t('identity.nav.signIn')}
      </NavLink>
      <NavLink to="/admin/sso" className="subtabs__link">
        {t('sso.nav')}
      </NavLink>
      <NavLink to="/admin/access-codes" className="subtabs__link">
        {t('identity.nav.accessCodes')}
      </NavLink>
      <NavLink to="/admin/audit-log" className="subtabs__link">
        {t('identity.nav.auditLog')}
      </NavLink>
      <NavLink to="/admin/provisioning" className="subtabs__link">
        {t('imports.page.nav')}
      </NavLink>
      <NavLink to="/admin/integrations" className="subtabs__link">
        {t('integrations.nav')}
      </NavLink>
    </nav>
  );
}
