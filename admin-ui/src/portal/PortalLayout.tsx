import { useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { LanguageSwitch, useTranslate } from '../i18n';
import { useHealth } from '../health/useHealth';
import { useHeadingFocus } from './useHeadingFocus';

/**
 * Header (brand, language switch), skip link, `<main>` and footer around every portal page.
 * After a route change, focus moves to the new page's heading (useHeadingFocus).
 */
export function PortalLayout({ children }: { children: ReactNode }) {
  const t = useTranslate();
  const health = useHealth();
  const main = useRef<HTMLElement>(null);
  useHeadingFocus(main);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="site-header__brand" to="/">
            <span className="site-header__authority">{t('common.authority')}</span>
            <span className="site-header__name">{t('portal.header.name')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>

      <main id="main" className="page" tabIndex={-1} ref={main}>
        {children}
        <div role="status">
          {health === 'down' && <p className="notice">{t('portal.status.unavailable')}</p>}
        </div>
      </main>

      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('portal.footer.publisher')}</p>
          <Link to="/my-cases">{t('portal.footer.myCasesLink')}</Link>
          <a href="/admin/">{t('portal.footer.staffLink')}</a>
        </div>
      </footer>
    </>
  );
}
