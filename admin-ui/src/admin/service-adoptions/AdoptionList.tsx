import {
  BooleanField,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  TextField,
  TextInput,
} from 'react-admin';
import { useT } from '../i18n/useT';
import { CreateActions } from '../layout/CreateActions';

export function AdoptionList() {
  const t = useT();
  const filters = [
    <TextInput
      key="tenantId"
      source="tenantId"
      label={t('resources.service-adoptions.fields.tenantId')}
      alwaysOn
    />,
    <TextInput
      key="serviceId"
      source="serviceId"
      label={t('resources.service-adoptions.fields.serviceId')}
    />,
    <NullableBooleanInput
      key="enabled"
      source="enabled"
      label={t('resources.service-adoptions.fields.enabled')}
    />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'serviceId', order: 'ASC' }}
      exporter={false}
      actions={<CreateActions />}
    >
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <TextField source="serviceId" label={t('resources.service-adoptions.fields.serviceId')} />
        <TextField source="tenantId" label={t('resources.service-adoptions.fields.tenantId')} />
        <BooleanField source="enabled" label={t('resources.service-adoptions.fields.enabled')} />
        <FunctionField<{ feeCents: number | null }>
          label={t('resources.service-adoptions.fields.fee')}
          sortable={false}
          render={(record) =>
            record.feeCents === null ? '—' : `CHF ${(record.feeCents / 100).toFixed(2)}`
          }
        />
        <TextField
          source="responsibleGroup"
          label={t('resources.service-adoptions.fields.responsibleGroup')}
          sortable={false}
          emptyText="—"
        />
        <DateField
          source="updatedAt"
          label={t('resources.service-adoptions.fields.updatedAt')}
          showTime
        />
      </Datagrid>
    </List>
  );
}
