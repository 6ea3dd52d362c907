import { Chip } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { useT } from '../i18n/useT';

type MailStatus = 'queued' | 'sent' | 'failed';
const COLORS = { queued: 'warning', sent: 'success', failed: 'error' } as const;

export function MailStatusChip({ status }: { status: MailStatus }) {
  const t = useT();
  return (
    <Chip size="small" color={COLORS[status]} label={t(`resources.mail-outbox.status.${status}`)} />
  );
}

/** E-mails to citizens of the administrator's tenants, newest first (without bodies). */
export function MailList() {
  const t = useT();
  const filters = [
    <SelectInput
      key="status"
      source="status"
      label={t('resources.mail-outbox.fields.status')}
      choices={(['queued', 'sent', 'failed'] as const).map((status) => ({
        id: status,
        name: t(`resources.mail-outbox.status.${status}`),
      }))}
      alwaysOn
    />,
    <TextInput
      key="tenantId"
      source="tenantId"
      label={t('resources.mail-outbox.fields.tenantId')}
    />,
    <TextInput key="caseId" source="caseId" label={t('resources.mail-outbox.fields.caseId')} />,
  ];
  return (
    <List filters={filters} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <DateField
          source="createdAt"
          label={t('resources.mail-outbox.fields.createdAt')}
          showTime
          sortable={false}
        />
        <TextField source="to" label={t('resources.mail-outbox.fields.to')} sortable={false} />
        <TextField
          source="subject"
          label={t('resources.mail-outbox.fields.subject')}
          sortable={false}
        />
        <FunctionField<{ status: MailStatus }>
          label={t('resources.mail-outbox.fields.status')}
          render={(mail) => <MailStatusChip status={mail.status} />}
        />
        <TextField
          source="attempts"
          label={t('resources.mail-outbox.fields.attempts')}
          sortable={false}
        />
        <TextField
          source="lastError"
          label={t('resources.mail-outbox.fields.lastError')}
          sortable={false}
          emptyText="—"
        />
      </Datagrid>
    </List>
  );
}
