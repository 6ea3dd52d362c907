import { useGetList, useLocaleState } from 'react-admin';
import { localized, type LocalizedText } from '../cases/caseTypes';
import { useApi } from '../diagram/useApi';

/** Choices of the adoption form: tenants, services of the catalog, groups of a tenant. */
export function useAdoptionChoices(tenantId: string | undefined) {
  const [locale] = useLocaleState();
  const tenants = useApi<{ id: string; name: string }[]>('/api/tenants');
  const services = useApi<{ services: { id: string; title: LocalizedText }[] }>(
    '/api/admin/services',
  );
  const groups = useGetList(
    'groups',
    {
      filter: tenantId ? { tenantId } : {},
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: Boolean(tenantId) },
  );
  return {
    tenants: (tenants.data ?? []).map((tenant) => ({ id: tenant.id, name: tenant.name })),
    services: (services.data?.services ?? []).map((service) => ({
      id: service.id,
      name: `${localized(service.title, locale)} (${service.id})`,
    })),
    groups: (groups.data ?? []).map((group) => ({
      id: String(group.key),
      name: String(group.name),
    })),
  };
}

/** Fees are stored in Rappen and entered in francs. */
export const chf = {
  format: (cents: unknown) => (typeof cents === 'number' ? cents / 100 : ''),
  parse: (francs: string) => (francs === '' ? null : Math.round(Number(francs) * 100)),
};
