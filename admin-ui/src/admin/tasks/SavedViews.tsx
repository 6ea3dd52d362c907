import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import BookmarksIcon from '@mui/icons-material/Bookmarks';
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  FilterButton,
  TopToolbar,
  useCreate,
  useGetList,
  useListContext,
  useNotify,
} from 'react-admin';
import { currentTenant } from '../api/session';
import { useSession } from '../api/useSession';
import { useT } from '../i18n/useT';
import { ManageViewsDialog } from './ManageViewsDialog';
import type { SavedView } from './savedView';
import { ViewDialog, type ViewDraft } from './ViewDialog';

/**
 * Saved views (server: /api/task-views): pick one to apply its filter and sort; save the
 * current ones under a name, optionally shared with any one of one's groups; rename, re-share
 * or delete one's own views.
 */
export function SavedViews() {
  const t = useT();
  const notify = useNotify();
  const session = useSession();
  const { filterValues, sort, setFilters, setSort, displayedFilters } = useListContext();
  const { data: views = [], refetch } = useGetList<SavedView>('task-views', {
    pagination: { page: 1, perPage: 100 },
  });
  const [create] = useCreate();
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const groupsOf = (tenantId?: string) =>
    (tenantId
      ? session?.tenants.find((tenant) => tenant.id === tenantId)?.groups
      : session && currentTenant(session)?.groups) ?? [];

  const apply = (id: string) => {
    const view = views.find((candidate) => candidate.id === id);
    if (!view) return;
    setFilters(view.filter, displayedFilters);
    setSort({ field: view.sort[0], order: view.sort[1] });
  };

  const save = (draft: ViewDraft) => {
    create(
      'task-views',
      { data: { ...draft, filter: filterValues, sort: [sort.field, sort.order] } },
      {
        onSuccess: () => {
          setDialog(null);
          void refetch();
          notify(t('resources.tasks.views.saved'), { type: 'success' });
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  };

  return (
    <TopToolbar>
      <TextField
        select
        size="small"
        id="saved-view"
        label={t('resources.tasks.views.label')}
        value=""
        onChange={(event) => apply(event.target.value)}
        sx={{ minWidth: 200 }}
      >
        {views.length === 0 && (
          <MenuItem value="" disabled>
            {t('resources.tasks.views.none')}
          </MenuItem>
        )}
        {views.map((view) => (
          <MenuItem key={view.id} value={view.id}>
            {view.mine ? view.name : `${view.name} (${view.owner.displayName})`}
          </MenuItem>
        ))}
      </TextField>
      <Button label="resources.tasks.views.save" onClick={() => setDialog('save')}>
        <BookmarkAddIcon />
      </Button>
      <Button label="resources.tasks.views.manage" onClick={() => setDialog('manage')}>
        <BookmarksIcon />
      </Button>
      <FilterButton />
      {dialog === 'save' && (
        <ViewDialog
          title={t('resources.tasks.views.save')}
          initial={{ name: '', sharedWithGroup: null }}
          groups={groupsOf()}
          onSave={save}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'manage' && (
        <ManageViewsDialog
          views={views}
          groupsOf={groupsOf}
          onChanged={() => void refetch()}
          onClose={() => setDialog(null)}
        />
      )}
    </TopToolbar>
  );
}
