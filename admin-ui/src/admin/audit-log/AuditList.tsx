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

interface AuditRecord {
  actor: { type: string; id?: string };
  details: Record<string, unknown>;
}

/** The append-only audit log of the administrator's tenants, newest first, with filters. */
export function AuditList() {
  const t = useT();
  const filters = [
    <TextInput
      key="action"
      source="action"
      label={t('resources.audit-log.fields.action')}
      alwaysOn
    />,
    <TextInput key="tenantId" source="tenantId" label={t('resources.audit-log.fields.tenantId')} />,
    <SelectInput
      key="actorType"
      source="actorType"
      label={t('resources.audit-log.fields.actorType')}
      choices={(['staff', 'citizen', 'system'] as const).map((type) => ({
        id: type,
        name: t(`resources.audit-log.actorType.${type}`),
      }))}
    />,
    <TextInput key="actorId" source="actorId" label={t('resources.audit-log.fields.actorId')} />,
    <TextInput
      key="objectType"
      source="objectType"
      label={t('resources.audit-log.fields.objectType')}
    />,
    <TextInput key="objectId" source="objectId" label={t('resources.audit-log.fields.objectId')} />,
  ];
  return (
    <List filters={filters} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField
          source="at"
          label={t('resources.audit-log.fields.at')}
          showTime
          sortable={false}
        />
        <FunctionField<AuditRecord>
          label={t('resources.audit-log.fields.actor')}
          render={(entry) => `${entry.actor.type}${entry.actor.id ? `: ${entry.actor.id}` : ''}`}
        />
        <TextField
          source="tenantId"
          label={t('resources.audit-log.fields.tenantId')}
          sortable={false}
          emptyText="—"
        />
        <TextField
          source="action"
          label={t('resources.audit-log.fields.action')}
          sortable={false}
        />
        <TextField
          source="objectType"
          label={t('resources.audit-log.fields.objectType')}
          sortable={false}
        />
        <TextField
          source="objectId"
          label={t('resources.audit-log.fields.objectId')}
          sortable={false}
          emptyText="—"
        />
        <FunctionField<AuditRecord>
          label={t('resources.audit-log.fields.details')}
          render={(entry) =>
            Object.keys(entry.details).length ? JSON.stringify(entry.details) : '—'
          }
        />
      </Datagrid>
    </List>
  );
}
