import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Confirm, useDelete, useNotify, useTranslate, useUpdate } from 'react-admin';
import { useT } from '../i18n/useT';
import type { SavedView } from './savedView';
import { ViewDialog, type ViewDraft } from './ViewDialog';

/** The caller's own saved views: rename, change sharing (PUT) or delete (DELETE) each. */
export function ManageViewsDialog(props: {
  views: SavedView[];
  groupsOf(tenantId: string): string[];
  onChanged(): void;
  onClose(): void;
}) {
  const t = useT();
  const translate = useTranslate();
  const notify = useNotify();
  const [update] = useUpdate();
  const [remove] = useDelete();
  const [editing, setEditing] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const own = props.views.filter((view) => view.mine);
  const failed = (error: unknown) => notify((error as Error).message, { type: 'error' });

  const save = (view: SavedView, draft: ViewDraft) =>
    update(
      'task-views',
      {
        id: view.id,
        data: { filter: view.filter, sort: view.sort, ...draft },
        previousData: view,
      },
      {
        onSuccess: () => {
          setEditing(null);
          props.onChanged();
          notify(t('resources.tasks.views.updated'), { type: 'success' });
        },
        onError: failed,
      },
    );

  const confirmDelete = (view: SavedView) =>
    remove(
      'task-views',
      { id: view.id, previousData: view },
      {
        onSuccess: () => {
          setDeleting(null);
          props.onChanged();
          notify(t('resources.tasks.views.deleted'), { type: 'success' });
        },
        onError: failed,
      },
    );

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="manage-views-title">
      <DialogTitle id="manage-views-title">{t('resources.tasks.views.manage')}</DialogTitle>
      <DialogContent sx={{ minWidth: 360 }}>
        {own.length === 0 ? (
          <Typography>{t('resources.tasks.views.noneOwn')}</Typography>
        ) : (
          <List dense>
            {own.map((view) => (
              <ListItem
                key={view.id}
                divider
                secondaryAction={
                  <>
                    <IconButton
                      aria-label={t('resources.tasks.views.editOf', { name: view.name })}
                      onClick={() => setEditing(view)}
                    >
                      <EditIcon />
                    </IconButton>
                    <IconButton
                      edge="end"
                      aria-label={t('resources.tasks.views.deleteOf', { name: view.name })}
                      onClick={() => setDeleting(view)}
                    >
                      <DeleteIcon />
                    </IconButton>
                  </>
                }
              >
                <ListItemText
                  primary={view.name}
                  secondary={
                    view.sharedWithGroup
                      ? t('resources.tasks.views.sharedWith', { group: view.sharedWithGroup })
                      : t('resources.tasks.views.notShared')
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
      {editing && (
        <ViewDialog
          title={t('resources.tasks.views.edit')}
          initial={editing}
          groups={props.groupsOf(editing.tenantId)}
          onSave={(draft) => save(editing, draft)}
          onClose={() => setEditing(null)}
        />
      )}
      <Confirm
        isOpen={deleting !== null}
        title={t('resources.tasks.views.delete')}
        content={t('resources.tasks.views.confirmDelete', { name: deleting?.name ?? '' })}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Dialog>
  );
}
