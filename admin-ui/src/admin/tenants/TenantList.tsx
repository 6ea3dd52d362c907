import { Datagrid, List, SelectInput, TextField } from 'react-admin';
import { useT } from '../i18n/useT';

/** The canton and the municipalities (read-only: tenants come from the municipality list). */
export function TenantList() {
  const t = useT();
  const filters = [
    <SelectInput
      key="kind"
      source="kind"
      label={t('resources.tenants.fields.kind')}
      choices={[
        { id: 'canton', name: t('resources.tenants.kind.canton') },
        { id: 'municipality', name: t('resources.tenants.kind.municipality') },
      ]}
      alwaysOn
    />,
  ];
  return (
    <List filters={filters} perPage={100} exporter={false} pagination={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="id" label={t('resources.tenants.fields.id')} sortable={false} />
        <TextField source="name" label={t('resources.tenants.fields.name')} sortable={false} />
        <TextField source="kind" label={t('resources.tenants.fields.kind')} sortable={false} />
        <TextField
          source="bfsNumber"
          label={t('resources.tenants.fields.bfsNumber')}
          sortable={false}
          emptyText="—"
        />
        <TextField
          source="district"
          label={t('resources.tenants.fields.district')}
          sortable={false}
          emptyText="—"
        />
      </Datagrid>
    </List>
  );
}
