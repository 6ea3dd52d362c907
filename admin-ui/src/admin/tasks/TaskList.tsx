import {
  Datagrid,
  DateField,
  DateInput,
  List,
  Pagination,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { useSession } from '../api/useSession';
import { BulkAssignButton } from './BulkAssignButton';
import { BulkClaimButton } from './BulkClaimButton';
import { DueDateField } from './DueDateField';
import { InboxTabs } from './InboxTabs';
import { SavedViews } from './SavedViews';

/** A date input's day as the end of that day (the inbox filter takes instants). */
const endOfDay = (value: string) =>
  value ? new Date(`${value}T23:59:59`).toISOString() : undefined;
const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

function useFilters() {
  const session = useSession();
  const tenants = session?.tenants.map((tenant) => ({ id: tenant.id, name: tenant.name })) ?? [];
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="serviceId" source="serviceId" />,
    <SelectInput key="tenantId" source="tenantId" choices={tenants} />,
    <DateInput key="dueBefore" source="dueBefore" parse={endOfDay} format={dayOf} />,
  ];
}

function BulkActions() {
  return (
    <>
      <BulkClaimButton />
      <BulkAssignButton />
    </>
  );
}

/**
 * The inbox: tabs for the views, filters, business columns, sort by due date or arrival, and
 * keyset pages (no total: "1–25 of more than 25").
 */
export function TaskList() {
  return (
    <List
      filters={useFilters()}
      filterDefaultValues={{ view: 'groups' }}
      sort={{ field: 'dueDate', order: 'ASC' }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      actions={<SavedViews />}
      storeKey="tasks.inbox"
    >
      <InboxTabs />
      <Datagrid rowClick="show" bulkActionButtons={<BulkActions />}>
        <TextField source="name" sortable={false} />
        <TextField source="applicantName" sortable={false} />
        <TextField source="caseReference" sortable={false} />
        <TextField source="serviceId" sortable={false} />
        <DueDateField label="resources.tasks.fields.dueDate" sortBy="dueDate" />
        <TextField source="assignee" sortable={false} />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}
