import { Link } from 'react-router-dom';
import { useTranslate } from '../i18n';
import { useDocumentTitle } from '../layout/useDocumentTitle';

export function NotFoundPage() {
  const t = useTranslate();
  useDocumentTitle(t('portal.notFound.title'));
  return (
    <>
      <h1>{t('portal.notFound.title')}</h1>
      <p>{t('portal.common.notFound')}</p>
      <Link to="/">{t('portal.common.toStart')}</Link>
    </>
  );
}
