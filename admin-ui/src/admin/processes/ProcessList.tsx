import {
  BooleanField,
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  ShowButton,
  TextField,
} from 'react-admin';
import { useT } from '../i18n/useT';
import { useLocaleText } from './localeText';

export interface ProcessSummary {
  id: string;
  title: { de: string; en: string };
  bpmnProcessId: string;
  latestVersion: number | null;
  deployedAt: string | null;
  deployedBy: string | null;
  hasDraft: boolean;
}

/** The services of the catalog with their latest deployed version. */
export function ProcessList() {
  const t = useT();
  const text = useLocaleText();
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'title', order: 'ASC' }}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        <FunctionField<ProcessSummary>
          source="title"
          label={t('resources.processes.fields.title')}
          render={(record) => text(record.title)}
        />
        <TextField
          source="bpmnProcessId"
          label={t('resources.processes.fields.bpmnProcessId')}
          sortable={false}
        />
        <NumberField
          source="latestVersion"
          label={t('resources.processes.fields.latestVersion')}
          emptyText="—"
        />
        <DateField
          source="deployedAt"
          label={t('resources.processes.fields.deployedAt')}
          showTime
          emptyText="—"
        />
        <FunctionField<ProcessSummary>
          label={t('resources.processes.fields.deployedBy')}
          sortable={false}
          render={(record) => record.deployedBy ?? t('resources.processes.catalog')}
        />
        <BooleanField
          source="hasDraft"
          label={t('resources.processes.fields.hasDraft')}
          sortable={false}
        />
        <ShowButton />
        <EditButton label={t('resources.processes.openDesigner')} />
      </Datagrid>
    </List>
  );
}
