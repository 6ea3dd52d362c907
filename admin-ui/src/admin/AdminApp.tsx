import { LanguageSwitch, useTranslate } from '../i18n';
import { useDocumentTitle } from '../layout/useDocumentTitle';

/** The back office (served at `/admin/`). A placeholder until react-admin takes over this entry. */
export function AdminApp() {
  const t = useTranslate();
  useDocumentTitle(t('admin.start.title'));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="admin-header">
        <p className="admin-header__brand">
          <span>{t('common.authority')}</span>
          <span className="admin-header__name">{t('admin.header.name')}</span>
        </p>
        <LanguageSwitch />
      </header>

      <main id="main" className="admin-page" tabIndex={-1}>
        <h1>{t('admin.start.title')}</h1>
        <p>{t('admin.start.intro')}</p>
        <p>
          <a href="/">{t('admin.start.portalLink')}</a>
        </p>
      </main>
    </>
  );
}
