import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { MessageKey } from '../../../i18n/messages';
import { useT } from '../../i18n/useT';
import type { DraftChanges } from '../processApi';

interface Props {
  changes: DraftChanges;
  deploying: boolean;
  onCancel(): void;
  onDeploy(comment: string, overwrite: boolean): void;
}

const CHANGE_KEYS: Record<DraftChanges['elements'][number]['change'], MessageKey> = {
  added: 'designer.changes.added',
  removed: 'designer.changes.removed',
  changed: 'designer.changes.changed',
};

/** What the draft changes against the deployed version, a comment, then deploy. */
export function DeployDialog({ changes, deploying, onCancel, onDeploy }: Props) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [touched, setTouched] = useState(false);
  const missing = comment.trim() === '';
  const blocked = missing || (changes.outdated && !overwrite) || deploying;

  return (
    <Dialog
      open
      onClose={deploying ? undefined : onCancel}
      fullWidth
      maxWidth="md"
      aria-labelledby="sp-deploy-title"
    >
      <DialogTitle id="sp-deploy-title">{t('designer.deploy.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          {changes.latestVersion === null
            ? t('designer.changes.againstNone')
            : t('designer.changes.against', { version: changes.latestVersion })}
        </Typography>
        {changes.resources.length === 0 ? (
          <Alert severity="info">{t('designer.changes.none')}</Alert>
        ) : (
          <List dense aria-label={t('designer.changes.listLabel')} data-testid="change-summary">
            {changes.resources.map((resource) => (
              <ListItem key={`file-${resource.name}`}>
                <ListItemText
                  primary={`${resource.name}: ${t(CHANGE_KEYS[resource.change])}`}
                  slotProps={{ primary: { sx: { fontWeight: 600 } } }}
                />
              </ListItem>
            ))}
            {changes.elements.map((element) => (
              <ListItem key={`${element.resource}#${element.id}`} sx={{ pl: 4 }}>
                <ListItemText
                  primary={`${t(CHANGE_KEYS[element.change])}: ${element.name ?? element.id} (${element.id})`}
                  secondary={[
                    element.previousName !== undefined
                      ? t('designer.changes.renamed', { name: element.previousName ?? element.id })
                      : null,
                    element.properties?.length
                      ? t('designer.changes.properties', {
                          properties: element.properties.join(', '),
                        })
                      : null,
                    `${element.type.replace(/^\w+:/, '')} · ${element.resource}`,
                  ]
                    .filter(Boolean)
                    .join(' — ')}
                />
              </ListItem>
            ))}
          </List>
        )}
        {changes.outdated && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {t('designer.deploy.outdated')}
            <FormControlLabel
              sx={{ display: 'block' }}
              control={
                <Checkbox
                  checked={overwrite}
                  onChange={(event) => setOverwrite(event.target.checked)}
                />
              }
              label={t('designer.deploy.overwrite')}
            />
          </Alert>
        )}
        <TextField
          label={t('designer.deploy.comment')}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          onBlur={() => setTouched(true)}
          required
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          slotProps={{ htmlInput: { maxLength: 500 } }}
          error={touched && missing}
          helperText={
            touched && missing
              ? t('designer.deploy.commentRequired')
              : t('designer.deploy.commentHelp')
          }
        />
        {deploying && <LinearProgress aria-label={t('designer.deploy.running')} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={deploying}>
          {t('designer.deploy.cancel')}
        </Button>
        <Button
          variant="contained"
          disabled={blocked}
          onClick={() => onDeploy(comment.trim(), overwrite)}
        >
          {t('designer.deploy.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
