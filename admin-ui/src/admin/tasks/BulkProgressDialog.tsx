import { Dialog, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import { useT } from '../i18n/useT';
import type { BulkProgress } from './useBulkRun';

/** Progress of a bulk action: a determinate bar and "n of m", announced politely. */
export function BulkProgressDialog({ progress }: { progress: BulkProgress | undefined }) {
  const t = useT();
  if (!progress) return null;
  const percent = progress.total ? (progress.done / progress.total) * 100 : 0;
  return (
    <Dialog open aria-labelledby="bulk-progress-title">
      <DialogTitle id="bulk-progress-title">{t('resources.tasks.bulk.working')}</DialogTitle>
      <DialogContent sx={{ minWidth: 320 }}>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label={t('resources.tasks.bulk.working')}
        />
        <Typography role="status" aria-live="polite" sx={{ mt: 1 }}>
          {t('resources.tasks.bulk.progress', { done: progress.done, total: progress.total })}
        </Typography>
      </DialogContent>
    </Dialog>
  );
}
