import { Datagrid, List, TextField, TextInput } from 'react-admin';
import { useT } from '../i18n/useT';
import { CreateActions } from '../layout/CreateActions';

export function GroupList() {
  const t = useT();
  const filters = [
    <TextInput key="q" source="q" label={t('resources.groups.search')} alwaysOn />,
    <TextInput key="tenantId" source="tenantId" label={t('resources.groups.fields.tenantId')} />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      actions={<CreateActions />}
    >
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <TextField source="name" label={t('resources.groups.fields.name')} />
        <TextField source="key" label={t('resources.groups.fields.key')} />
        <TextField source="tenantId" label={t('resources.groups.fields.tenantId')} />
        <TextField
          source="description"
          label={t('resources.groups.fields.description')}
          sortable={false}
          emptyText="—"
        />
      </Datagrid>
    </List>
  );
}
