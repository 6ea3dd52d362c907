import { Chip, Stack } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import type { Incident } from '../diagram/monitoringTypes';
import { useT } from '../i18n/useT';
import { CancelInstanceButton } from './CancelInstanceButton';
import { RetryButton } from './RetryButton';

/**
 * Incidents of the instances the operator may act on, newest first (keyset pages): the
 * element, error type and message, the case; retry (job retries, then resolve) and cancel.
 */
export function IncidentList() {
  const t = useT();
  const filters = [
    <SelectInput
      key="state"
      source="state"
      label={t('resources.incidents.fields.state')}
      choices={[
        { id: 'ACTIVE', name: t('resources.incidents.state.ACTIVE') },
        { id: 'RESOLVED', name: t('resources.incidents.state.RESOLVED') },
      ]}
      alwaysOn
    />,
    <TextInput
      key="processInstanceKey"
      source="processInstanceKey"
      label={t('resources.incidents.fields.processInstanceKey')}
    />,
    <TextInput key="type" source="type" label={t('resources.incidents.fields.type')} />,
    <TextInput key="tenantId" source="tenantId" label={t('resources.incidents.fields.tenant')} />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ state: 'ACTIVE' }}
      sort={{ field: 'key', order: 'DESC' }}
      perPage={25}
      exporter={false}
      title={t('resources.incidents.title')}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField
          source="creationTime"
          label={t('resources.incidents.fields.creationTime')}
          showTime
          sortable={false}
        />
        <TextField
          source="flowNodeId"
          label={t('resources.incidents.fields.element')}
          sortable={false}
        />
        <TextField source="type" label={t('resources.incidents.fields.type')} sortable={false} />
        <TextField
          source="message"
          label={t('resources.incidents.fields.message')}
          sortable={false}
        />
        <FunctionField<Incident>
          label={t('resources.incidents.fields.case')}
          render={(incident) => incident.owner?.caseReference ?? '—'}
        />
        <FunctionField<Incident>
          label={t('resources.incidents.fields.tenant')}
          render={(incident) => incident.owner?.tenantId ?? incident.tenantId}
        />
        <FunctionField<Incident>
          label={t('resources.incidents.fields.state')}
          render={(incident) => (
            <Chip
              size="small"
              color={incident.state === 'ACTIVE' ? 'error' : 'default'}
              label={t(`resources.incidents.state.${incident.state}`)}
            />
          )}
        />
        <FunctionField<Incident>
          label={t('resources.incidents.fields.actions')}
          render={(incident) => (
            <Stack direction="row" spacing={1}>
              <RetryButton incident={incident} />
              {incident.state === 'ACTIVE' && (
                <CancelInstanceButton instanceKey={incident.processInstanceKey} />
              )}
            </Stack>
          )}
        />
      </Datagrid>
    </List>
  );
}
