import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import i18n from '../i18n';

interface PublicFrameProps {
  title: string;
  /** The company whose address this is; the product name on the base domain. */
  orgName?: string;
  intro?: ReactNode;
  nav?: ReactNode;
  children: ReactNode;
}

/** The frame of every signed-out screen: a header, one card with the page's h1, a footer. */
export function PublicFrame({ title, orgName, intro, nav, children }: PublicFrameProps) {
  return (
    <div className="public">
      <header className="public__header">
        <div className="brand">
          <img className="brand__logo" src="/icon.svg" alt="" width={32} height={32} />
          <span className="brand__name">{orgName ?? 'Commonplace'}</span>
        </div>
        {nav}
      </header>
      <main id="main" className="public__main">
        <div className="card public__card">
          <h1 className="public__title">{title}</h1>
          {intro ? <div className="public__intro">{intro}</div> : null}
          {children}
        </div>
      </main>
      <footer className="public__footer">
        <LanguageToggle />
      </footer>
    </div>
  );
}

/** Before signing in there is no profile to hold a language, so offer the other one here. */
function LanguageToggle() {
  const { t } = useTranslation();
  const other = currentLanguage() === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" className="link-button" lang={other} onClick={() => void i18n.changeLanguage(other)}>
      {t('language.switchTo')}
    </button>
  );
}
