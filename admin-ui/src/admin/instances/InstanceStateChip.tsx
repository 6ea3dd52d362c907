import { Chip } from '@mui/material';
import type { ProcessInstance } from '../diagram/monitoringTypes';
import { useT } from '../i18n/useT';

const COLORS = {
  ACTIVE: 'primary',
  INCIDENT: 'error',
  COMPLETED: 'success',
  CANCELED: 'default',
} as const;

export function InstanceStateChip({ state }: { state: ProcessInstance['state'] }) {
  const t = useT();
  return (
    <Chip size="small" color={COLORS[state]} label={t(`resources.instances.state.${state}`)} />
  );
}
