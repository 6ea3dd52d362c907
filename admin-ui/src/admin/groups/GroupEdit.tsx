import { Create, Edit, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { useApi } from '../diagram/useApi';
import { useT } from '../i18n/useT';

/** A group is a tenant's candidate group of user tasks: its key is what the BPMN names. */
function GroupForm({ create = false }: { create?: boolean }) {
  const t = useT();
  const tenants = useApi<{ id: string; name: string }[]>('/api/tenants');
  return (
    <SimpleForm>
      <SelectInput
        source="tenantId"
        label={t('resources.groups.fields.tenantId')}
        choices={tenants.data ?? []}
        validate={required()}
        disabled={!create}
      />
      <TextInput
        source="key"
        label={t('resources.groups.fields.key')}
        helperText={t('resources.groups.keyHelp')}
        validate={required()}
        disabled={!create}
      />
      <TextInput source="name" label={t('resources.groups.fields.name')} validate={required()} />
      <TextInput
        source="description"
        label={t('resources.groups.fields.description')}
        multiline
        fullWidth
      />
    </SimpleForm>
  );
}

export function GroupEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <GroupForm />
    </Edit>
  );
}

export function GroupCreate() {
  return (
    <Create redirect="list">
      <GroupForm create />
    </Create>
  );
}
