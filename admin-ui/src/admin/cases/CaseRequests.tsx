import { Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useLocaleState } from 'react-admin';
import { useT } from '../i18n/useT';
import type { CaseTask } from './caseTypes';

const COLORS = { open: 'warning', completed: 'success', canceled: 'default' } as const;

/**
 * Requests to the applicant the process modelled (user tasks for the candidate group
 * `citizen`): what was asked, when, and whether it is still open or answered.
 */
export function CaseRequests({ tasks }: { tasks: CaseTask[] }) {
  const t = useT();
  const [locale] = useLocaleState();
  const requests = tasks.filter((task) => task.audience === 'citizen');
  if (!requests.length)
    return <Typography variant="body2">{t('resources.tasks.noRequests')}</Typography>;
  return (
    <List dense aria-label={t('resources.cases.sections.requests')} data-testid="case-requests">
      {requests.map((request, index) => {
        const status = request.status ?? 'open';
        return (
          <ListItem key={request.id ?? index} disableGutters divider>
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <span>{request.name}</span>
                  <Chip
                    size="small"
                    color={COLORS[status]}
                    label={t(`resources.cases.requestStatus.${status}`)}
                  />
                </Stack>
              }
              secondary={[request.createdAt, request.completedAt]
                .filter((at): at is string => Boolean(at))
                .map((at) => new Date(at).toLocaleString(locale))
                .join(' → ')}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
