import EditIcon from '@mui/icons-material/Edit';
import { Chip, Typography } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { useT } from '../i18n/useT';
import { useLocaleText } from './localeText';
import type { ProcessVersion } from './processApi';
import type { ProcessSummary } from './ProcessList';

interface ProcessDetail extends ProcessSummary {
  engineTenantId: string;
  versions: ProcessVersion[];
  draft: { revision: number; updatedAt: string; outdated: boolean } | null;
}

function Heading() {
  const record = useRecordContext<ProcessDetail>();
  const text = useLocaleText();
  return (
    <Typography variant="h5" component="h1">
      {record ? text(record.title) : ''}
    </Typography>
  );
}

function DraftState() {
  const t = useT();
  const record = useRecordContext<ProcessDetail>();
  if (!record?.draft)
    return <Typography variant="body2">{t('resources.processes.noDraft')}</Typography>;
  return (
    <Typography variant="body2">
      {t('resources.processes.draft', { revision: record.draft.revision })}
      {record.draft.outdated ? ` · ${t('resources.processes.draftOutdated')}` : ''}
    </Typography>
  );
}

/** One service: its versions (newest first, the latest marked) and the designer's draft. */
export function ProcessShow() {
  const t = useT();
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton label={t('resources.processes.openDesigner')} icon={<EditIcon />} />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Heading />
        <TextField source="bpmnProcessId" label={t('resources.processes.fields.bpmnProcessId')} />
        <NumberField
          source="latestVersion"
          label={t('resources.processes.fields.latestVersion')}
          emptyText="—"
        />
        <Labeled label={t('resources.processes.fields.draft')}>
          <DraftState />
        </Labeled>
        <ArrayField source="versions" label={t('resources.processes.versions')}>
          <Datagrid bulkActionButtons={false} rowClick={false} data-testid="version-list">
            <FunctionField<ProcessVersion>
              label={t('resources.processes.fields.version')}
              render={(version) => (
                <span>
                  {version.version}{' '}
                  {version.latest && (
                    <Chip size="small" color="success" label={t('resources.processes.latest')} />
                  )}
                </span>
              )}
            />
            <DateField
              source="deployedAt"
              label={t('resources.processes.fields.deployedAt')}
              showTime
            />
            <FunctionField<ProcessVersion>
              label={t('resources.processes.fields.deployedBy')}
              render={(version) =>
                version.deployedBy?.displayName ?? t('resources.processes.catalog')
              }
            />
            <TextField
              source="comment"
              label={t('resources.processes.fields.comment')}
              emptyText="—"
            />
            <TextField
              source="deploymentKey"
              label={t('resources.processes.fields.deploymentKey')}
            />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}
