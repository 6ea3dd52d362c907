import { Tab, Tabs } from '@mui/material';
import { useListContext, usePermissions } from 'react-admin';
import { useT } from '../i18n/useT';
import type { InboxView } from './task';

/** My tasks / Group tasks / Unassigned (/ All for administrators): the list's `view` filter. */
export function InboxTabs() {
  const t = useT();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const { permissions } = usePermissions<string[]>();
  const views: InboxView[] = ['mine', 'groups', 'unassigned'];
  if (permissions?.includes('admin')) views.push('all');
  const current = (filterValues.view as InboxView | undefined) ?? 'groups';
  return (
    <Tabs
      value={current}
      onChange={(_event, view: InboxView) =>
        setFilters({ ...filterValues, view }, displayedFilters)
      }
      aria-label={t('resources.tasks.tabs.label')}
    >
      {views.map((view) => (
        <Tab key={view} value={view} label={t(`resources.tasks.tabs.${view}`)} />
      ))}
    </Tabs>
  );
}
