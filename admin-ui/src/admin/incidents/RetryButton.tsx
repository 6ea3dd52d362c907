import ReplayIcon from '@mui/icons-material/Replay';
import { Button, CircularProgress } from '@mui/material';
import type { Incident } from '../diagram/monitoringTypes';
import { useT } from '../i18n/useT';
import { retryIncident } from './operations';
import { useOperation } from './useOperation';

/** Retries an open incident (one more job attempt) and refreshes the page when accepted. */
export function RetryButton({ incident, onDone }: { incident: Incident; onDone?: () => void }) {
  const t = useT();
  const { busy, run: retry } = useOperation(
    () => retryIncident(incident.processInstanceKey, incident.key),
    'ops.retried',
    onDone,
  );
  if (incident.state !== 'ACTIVE') return null;
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={(event) => {
        event.stopPropagation();
        void retry();
      }}
      disabled={busy}
      startIcon={busy ? <CircularProgress size={16} /> : <ReplayIcon />}
      aria-label={t('ops.retryLabel', { element: incident.flowNodeId ?? incident.key })}
    >
      {t('ops.retry')}
    </Button>
  );
}
