import {
  Button as MuiButton,
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
import { useColleagues } from './useColleagues';

/** Pick a colleague who is a candidate of the task (of the first task, for several). */
export function AssignDialog(props: {
  taskId: string | undefined;
  open: boolean;
  onClose: () => void;
  onAssign: (username: string) => void;
}) {
  const t = useT();
  const translate = useTranslate();
  const colleagues = useColleagues(props.open ? props.taskId : undefined);
  const [username, setUsername] = useState('');
  return (
    <Dialog open={props.open} onClose={props.onClose} aria-labelledby="assign-title">
      <DialogTitle id="assign-title">{t('resources.tasks.assign.title')}</DialogTitle>
      <DialogContent sx={{ minWidth: 320, pt: 1 }}>
        <TextField
          select
          fullWidth
          margin="dense"
          id="assign-colleague"
          label={t('resources.tasks.assign.colleague')}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        >
          {colleagues.map((colleague) => (
            <MenuItem key={colleague.username} value={colleague.username}>
              {colleague.displayName} ({colleague.username})
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={props.onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton
          variant="contained"
          disabled={!username}
          onClick={() => props.onAssign(username)}
        >
          {t('resources.tasks.actions.assign')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
