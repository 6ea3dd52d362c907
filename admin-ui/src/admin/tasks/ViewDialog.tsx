import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useT } from '../i18n/useT';

export interface ViewDraft {
  name: string;
  sharedWithGroup: string | null;
}

/**
 * Name a view and choose whom to share it with: nobody, or any one of the owner's groups in
 * the view's tenant. Used to save a new view and to edit (rename, re-share) an existing one.
 */
export function ViewDialog(props: {
  title: string;
  initial: ViewDraft;
  groups: string[];
  onSave(draft: ViewDraft): void;
  onClose(): void;
}) {
  const t = useT();
  const translate = useTranslate();
  const [name, setName] = useState(props.initial.name);
  const [group, setGroup] = useState(props.initial.sharedWithGroup ?? '');
  const groups = group && !props.groups.includes(group) ? [...props.groups, group] : props.groups;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="view-dialog-title">
      <DialogTitle id="view-dialog-title">{props.title}</DialogTitle>
      <DialogContent sx={{ minWidth: 320 }}>
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          id="view-dialog-name"
          label={t('resources.tasks.views.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          select
          fullWidth
          margin="dense"
          id="view-dialog-share"
          label={t('resources.tasks.views.shareWith')}
          value={group}
          onChange={(event) => setGroup(event.target.value)}
        >
          <MenuItem value="">{t('resources.tasks.views.notShared')}</MenuItem>
          {groups.map((id) => (
            <MenuItem key={id} value={id}>
              {id}
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!name.trim()}
          onClick={() => props.onSave({ name: name.trim(), sharedWithGroup: group || null })}
        >
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
