import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import type { ProcessInstance } from '../diagram/monitoringTypes';
import { useT } from '../i18n/useT';
import { InstanceStateChip } from './InstanceStateChip';

/** Process instances of the tenants the operator operates, newest first, per process. */
export function InstanceList() {
  const t = useT();
  const filters = [
    <TextInput
      key="bpmnProcessId"
      source="bpmnProcessId"
      label={t('resources.instances.fields.bpmnProcessId')}
      alwaysOn
    />,
    <SelectInput
      key="state"
      source="state"
      label={t('resources.instances.fields.state')}
      choices={(['ACTIVE', 'INCIDENT', 'COMPLETED', 'CANCELED'] as const).map((state) => ({
        id: state,
        name: t(`resources.instances.state.${state}`),
      }))}
      alwaysOn
    />,
    <TextInput key="tenantId" source="tenantId" label={t('resources.instances.fields.tenant')} />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ state: 'ACTIVE' }}
      perPage={25}
      exporter={false}
      title={t('resources.instances.title')}
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="key" label={t('resources.instances.fields.key')} sortable={false} />
        <TextField
          source="bpmnProcessId"
          label={t('resources.instances.fields.bpmnProcessId')}
          sortable={false}
        />
        <TextField
          source="processVersion"
          label={t('resources.instances.fields.version')}
          sortable={false}
        />
        <FunctionField<ProcessInstance>
          label={t('resources.instances.fields.state')}
          render={(instance) => <InstanceStateChip state={instance.state} />}
        />
        <FunctionField<ProcessInstance>
          label={t('resources.instances.fields.case')}
          render={(instance) => instance.owner?.caseReference ?? '—'}
        />
        <FunctionField<ProcessInstance>
          label={t('resources.instances.fields.tenant')}
          render={(instance) => instance.owner?.tenantId ?? '—'}
        />
        <DateField
          source="startDate"
          label={t('resources.instances.fields.startDate')}
          showTime
          sortable={false}
        />
      </Datagrid>
    </List>
  );
}
