import { Chip } from '@mui/material';
import { useT } from '../i18n/useT';
import type { CaseStatus } from './caseTypes';

const COLORS: Record<
  CaseStatus,
  'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info'
> = {
  waiting_to_start: 'warning',
  submitted: 'info',
  in_progress: 'primary',
  waiting_for_citizen: 'secondary',
  decided: 'success',
  closed: 'default',
  rejected: 'error',
};

export function CaseStatusChip({ status }: { status: CaseStatus }) {
  const t = useT();
  return <Chip size="small" color={COLORS[status]} label={t(`resources.cases.status.${status}`)} />;
}
