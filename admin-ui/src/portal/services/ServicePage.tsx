import { Link, useParams } from 'react-router-dom';
import { useLocaleState, useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { localized, portalApi } from '../api/portalApi';
import { useApi } from '../api/useApi';
import { translatedSchema, uploadFields } from '../form/formSchema';
import { LoadFailed } from '../LoadFailed';
import { formatChf } from './formatting';

/** `/:tenantId/:serviceId` — what the service is, what you need, fee, duration, office. */
export function ServicePage() {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const { tenantId = '', serviceId = '' } = useParams();
  const loaded = useApi(
    async (lang) => {
      const [tenant, service] = await Promise.all([
        portalApi.tenant(lang, tenantId),
        portalApi.service(lang, tenantId, serviceId),
      ]);
      return { tenant, service };
    },
    [tenantId, serviceId],
  );
  const title = loaded.state === 'ok' ? localized(loaded.value.service.title, locale) : '';
  useDocumentTitle(title || t('portal.common.loading'));

  if (loaded.state === 'loading') return <p role="status">{t('portal.common.loading')}</p>;
  if (loaded.state === 'failed') return <LoadFailed problem={loaded.problem} />;
  const { tenant, service } = loaded.value;
  const documents = service.startForm
    ? uploadFields(translatedSchema(service.startForm, service.startFormTexts, locale))
    : [];
  const fee = service.fee;

  return (
    <>
      <nav aria-label={t('portal.common.breadcrumb')} className="breadcrumb">
        <Link to="/">{t('portal.common.toStart')}</Link>
        {' › '}
        <Link to={`/${tenantId}`}>{t('portal.services.title', { name: tenant.name })}</Link>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{localized(service.description, locale)}</p>
      {service.notice && <p className="notice">{localized(service.notice, locale)}</p>}

      <h2>{t('portal.service.need.title')}</h2>
      <ul>
        <li>{t('portal.service.need.email')}</li>
        {documents.map((field) => (
          <li key={field.path}>
            {field.label}
            {field.required ? '' : ` ${t('portal.service.need.optional')}`}
          </li>
        ))}
      </ul>

      <dl className="summary-list">
        <div>
          <dt>{t('portal.service.fee')}</dt>
          <dd>
            {fee === null || fee.amountCents === 0
              ? t('portal.service.free')
              : fee.kind === 'yearly'
                ? t('portal.service.feeYearly', { amount: formatChf(fee.amountCents, locale) })
                : formatChf(fee.amountCents, locale)}
            {fee?.note && <span className="hint block">{localized(fee.note, locale)}</span>}
          </dd>
        </div>
        {service.expectedDurationDays !== null && (
          <div>
            <dt>{t('portal.service.duration')}</dt>
            <dd>{t('portal.service.durationDays', { days: service.expectedDurationDays })}</dd>
          </div>
        )}
        <div>
          <dt>{t('portal.service.office')}</dt>
          <dd>
            {service.authority === 'canton' && tenant.kind !== 'canton'
              ? t('portal.service.canton')
              : tenant.kind === 'canton'
                ? tenant.name
                : t('portal.service.municipality', { name: tenant.name })}
            {service.contact.email && (
              <span className="block">
                <a href={`mailto:${service.contact.email}`}>{service.contact.email}</a>
              </span>
            )}
            {service.contact.phone && (
              <span className="block">
                <a href={`tel:${service.contact.phone}`}>{service.contact.phone}</a>
              </span>
            )}
          </dd>
        </div>
      </dl>

      {service.startForm ? (
        <Link className="button" to={`/${tenantId}/${serviceId}/form`}>
          {t('portal.service.start')}
        </Link>
      ) : (
        <p>{t('portal.service.noForm')}</p>
      )}
    </>
  );
}
