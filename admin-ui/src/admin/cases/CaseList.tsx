import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  useLocaleState,
} from 'react-admin';
import { useT } from '../i18n/useT';
import { CaseStatusChip } from './CaseStatusChip';
import { CASE_STATUSES, localized, type CaseSummary } from './caseTypes';

/** Cases the staff member sees, newest first, with status chips and filters. */
export function CaseList() {
  const t = useT();
  const [locale] = useLocaleState();
  const filters = [
    <TextInput
      key="reference"
      source="reference"
      label={t('resources.cases.fields.reference')}
      alwaysOn
    />,
    <SelectInput
      key="status"
      source="status"
      label={t('resources.cases.fields.status')}
      choices={CASE_STATUSES.map((status) => ({
        id: status,
        name: t(`resources.cases.status.${status}`),
      }))}
      alwaysOn
    />,
    <TextInput key="serviceId" source="serviceId" label={t('resources.cases.fields.service')} />,
    <TextInput key="tenantId" source="tenantId" label={t('resources.cases.fields.tenant')} />,
  ];
  return (
    <List filters={filters} perPage={25} exporter={false} title={t('resources.cases.title')}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField
          source="reference"
          label={t('resources.cases.fields.reference')}
          sortable={false}
        />
        <FunctionField<CaseSummary>
          label={t('resources.cases.fields.service')}
          render={(record) => localized(record.serviceTitle, locale)}
        />
        <TextField source="tenantId" label={t('resources.cases.fields.tenant')} sortable={false} />
        <FunctionField<CaseSummary>
          label={t('resources.cases.fields.status')}
          render={(record) => <CaseStatusChip status={record.status} />}
        />
        <TextField
          source="applicantName"
          label={t('resources.cases.fields.applicant')}
          sortable={false}
          emptyText="—"
        />
        <DateField
          source="submittedAt"
          label={t('resources.cases.fields.submittedAt')}
          showTime
          sortable={false}
        />
      </Datagrid>
    </List>
  );
}
