import { Alert, CircularProgress } from '@mui/material';
import { InstanceDiagram } from '../diagram/InstanceDiagram';
import type { InstanceView } from '../diagram/monitoringTypes';
import { useApi } from '../diagram/useApi';
import { useT } from '../i18n/useT';

/** The case's process instance on its diagram (completed, active, incidents). */
export function CaseDiagram({ instanceKey }: { instanceKey: string | null }) {
  const t = useT();
  const instance = useApi<InstanceView>(
    instanceKey ? `/api/monitoring/process-instances/${instanceKey}` : undefined,
  );
  if (!instanceKey) return <Alert severity="info">{t('resources.cases.noInstance')}</Alert>;
  if (instance.error) return <Alert severity="warning">{t('diagram.unavailable')}</Alert>;
  if (!instance.data) return <CircularProgress aria-label={t('diagram.loading')} />;
  return <InstanceDiagram view={instance.data} />;
}
