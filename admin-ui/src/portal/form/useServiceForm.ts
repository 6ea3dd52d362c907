import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { useLocaleState } from '../../i18n';
import { localized, portalApi } from '../api/portalApi';
import { useApi } from '../api/useApi';
import { translatedSchema } from './formSchema';
import { useFormFill } from './FormFillProvider';

/** The service of the route, its start form in the reader's language, and the fill in progress. */
export function useServiceForm() {
  const [locale] = useLocaleState();
  const { tenantId = '', serviceId = '' } = useParams();
  const loaded = useApi(
    (lang) => portalApi.service(lang, tenantId, serviceId),
    [tenantId, serviceId],
  );
  const service = loaded.state === 'ok' ? loaded.value : null;
  const schema = useMemo(
    () =>
      service?.startForm
        ? translatedSchema(service.startForm, service.startFormTexts, locale)
        : null,
    [service, locale],
  );
  const title = service ? localized(service.title, locale) : '';
  return {
    tenantId,
    serviceId,
    loaded,
    service,
    schema,
    title,
    ...useFormFill(tenantId, serviceId),
  };
}
