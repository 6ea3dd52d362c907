import {
  BooleanField,
  Datagrid,
  DateField,
  List,
  NullableBooleanInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { useT } from '../i18n/useT';
import { CreateActions } from '../layout/CreateActions';
import { roleChoices } from './roles';

export function UserList() {
  const t = useT();
  const filters = [
    <TextInput key="q" source="q" label={t('resources.users.search')} alwaysOn />,
    <TextInput key="tenantId" source="tenantId" label={t('resources.users.fields.tenantId')} />,
    <SelectInput
      key="role"
      source="role"
      label={t('resources.users.fields.roles')}
      choices={roleChoices(t)}
    />,
    <NullableBooleanInput
      key="active"
      source="active"
      label={t('resources.users.fields.active')}
    />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'username', order: 'ASC' }}
      exporter={false}
      actions={<CreateActions />}
    >
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <TextField source="username" label={t('resources.users.fields.username')} />
        <TextField source="displayName" label={t('resources.users.fields.displayName')} />
        <TextField source="email" label={t('resources.users.fields.email')} />
        <BooleanField source="active" label={t('resources.users.fields.active')} />
        <DateField
          source="lastLoginAt"
          label={t('resources.users.fields.lastLoginAt')}
          showTime
          emptyText="—"
        />
      </Datagrid>
    </List>
  );
}
