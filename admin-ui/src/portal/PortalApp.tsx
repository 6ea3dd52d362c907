import { useHealth } from '../health/useHealth';
import { LanguageSwitch, useTranslate } from '../i18n';
import { useDocumentTitle } from '../layout/useDocumentTitle';

/** The citizen portal's start page (served at `/`). Services will be listed here. */
export function PortalApp() {
  const t = useTranslate();
  const health = useHealth();
  useDocumentTitle(t('portal.start.title'));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="site-header__brand" href="/">
            <span className="site-header__authority">{t('common.authority')}</span>
            <span className="site-header__name">{t('portal.header.name')}</span>
          </a>
          <LanguageSwitch />
        </div>
      </header>

      <main id="main" className="page" tabIndex={-1}>
        <h1>{t('portal.start.title')}</h1>
        <p className="lead">{t('portal.start.intro')}</p>

        <section className="panel" aria-labelledby="services-title">
          <h2 id="services-title">{t('portal.start.services.title')}</h2>
          <p>{t('portal.start.services.placeholder')}</p>
        </section>

        <div role="status">
          {health === 'down' && <p className="notice">{t('portal.status.unavailable')}</p>}
        </div>
      </main>

      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('portal.footer.publisher')}</p>
          <a href="/admin/">{t('portal.footer.staffLink')}</a>
        </div>
      </footer>
    </>
  );
}
