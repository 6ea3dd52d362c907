import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { useLocaleState } from 'react-admin';
import { useT } from '../i18n/useT';
import { localized, type CaseMilestone } from './caseTypes';

/** The service's public milestones (what the citizen sees), reached ones with their date. */
export function CaseMilestones({ milestones }: { milestones: CaseMilestone[] }) {
  const t = useT();
  const [locale] = useLocaleState();
  if (!milestones.length)
    return <Typography variant="body2">{t('resources.cases.none')}</Typography>;
  return (
    <List dense aria-label={t('resources.cases.sections.milestones')} data-testid="case-milestones">
      {milestones.map((milestone) => (
        <ListItem key={milestone.id} disableGutters>
          <ListItemIcon sx={{ minWidth: 32 }}>
            {milestone.reachedAt ? (
              <CheckCircleIcon color="success" fontSize="small" />
            ) : (
              <RadioButtonUncheckedIcon color="disabled" fontSize="small" />
            )}
          </ListItemIcon>
          <ListItemText
            primary={localized(milestone.label, locale)}
            secondary={
              milestone.reachedAt
                ? t('resources.cases.milestones.reached', {
                    date: new Date(milestone.reachedAt).toLocaleString(locale),
                  })
                : t('resources.cases.milestones.pending')
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
