import { Chip, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useLocaleState } from 'react-admin';
import { useT } from '../i18n/useT';
import { localized, type CaseView } from './caseTypes';

interface Entry {
  at: string;
  text: string;
  audience: 'public' | 'internal';
}

/**
 * The case's history: what the citizen sees (submission, milestones, requests, decision) and
 * what only staff see (tasks done, audit entries), oldest first, each marked as such.
 */
export function timelineEntries(
  view: CaseView,
  locale: string,
  t: ReturnType<typeof useT>,
): Entry[] {
  const entries: Entry[] = [
    ...view.timeline.map((e) => ({
      at: e.at,
      text: localized(e.label, locale),
      audience: 'public' as const,
    })),
    ...view.tasks
      .filter((task) => task.completedAt)
      .map((task) => ({
        at: task.completedAt!,
        text: t('resources.cases.timeline.taskCompleted', { name: task.name ?? '' }),
        audience: 'internal' as const,
      })),
    ...view.audit
      .filter((entry) => !entry.action.endsWith('.read') && !entry.action.endsWith('.list'))
      .map((entry) => ({ at: entry.at, text: entry.action, audience: 'internal' as const })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

export function CaseTimeline({ view }: { view: CaseView }) {
  const t = useT();
  const [locale] = useLocaleState();
  const entries = timelineEntries(view, locale, t);
  return (
    <List dense aria-label={t('resources.cases.sections.timeline')} data-testid="case-timeline">
      {entries.map((entry, index) => (
        <ListItem key={`${entry.at}-${index}`} divider>
          <ListItemText
            primary={
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <span>{entry.text}</span>
                <Chip
                  size="small"
                  variant={entry.audience === 'public' ? 'filled' : 'outlined'}
                  label={t(`resources.cases.timeline.${entry.audience}`)}
                />
              </Stack>
            }
            secondary={new Date(entry.at).toLocaleString(locale)}
          />
        </ListItem>
      ))}
    </List>
  );
}
