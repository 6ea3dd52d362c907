import { Link, useParams } from 'react-router-dom';
import { useLocaleState, useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { localized, portalApi } from '../api/portalApi';
import { useApi } from '../api/useApi';
import { LoadFailed } from '../LoadFailed';

/** `/:tenantId` — the services of one municipality, grouped by life situation. */
export function ServicesPage() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const { tenantId = '' } = useParams();
  const loaded = useApi(
    async (lang) => {
      const [tenant, services] = await Promise.all([
        portalApi.tenant(lang, tenantId),
        portalApi.services(lang, tenantId),
      ]);
      return { tenant, groups: services.lifeSituations };
    },
    [tenantId],
  );
  const name = loaded.state === 'ok' ? loaded.value.tenant.name : '';
  useDocumentTitle(t('portal.services.title', { name }));

  return (
    <>
      <nav aria-label={t('portal.common.breadcrumb')} className="breadcrumb">
        <Link to="/">{t('portal.common.toStart')}</Link>
      </nav>
      {loaded.state === 'loading' && <p role="status">{t('portal.common.loading')}</p>}
      {loaded.state === 'failed' && <LoadFailed problem={loaded.problem} />}
      {loaded.state === 'ok' && (
        <>
          <h1>{t('portal.services.title', { name })}</h1>
          {loaded.value.groups.length === 0 && <p>{t('portal.services.none')}</p>}
          {loaded.value.groups.map((group) => (
            <section
              key={group.lifeSituation.id}
              className="panel"
              aria-labelledby={`situation-${group.lifeSituation.id}`}
            >
              <h2 id={`situation-${group.lifeSituation.id}`}>
                {localized(group.lifeSituation.label, locale)}
              </h2>
              <ul className="link-list">
                {group.services.map((service) => (
                  <li key={service.id}>
                    <Link to={`/${tenantId}/${service.id}`}>
                      {localized(service.title, locale)}
                    </Link>
                    <p className="hint">{localized(service.description, locale)}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}
