import {
  Box,
  Card,
  CardContent,
  CircularProgress,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { Show, useLocaleState, useRecordContext } from 'react-admin';
import { useT } from '../i18n/useT';
import { CaseDiagram } from './CaseDiagram';
import { CaseDocuments } from './CaseDocuments';
import { CaseMilestones } from './CaseMilestones';
import { CaseRequests } from './CaseRequests';
import { CaseStatusChip } from './CaseStatusChip';
import { CaseTimeline } from './CaseTimeline';
import { localized, type CaseView } from './caseTypes';

/**
 * The case page: summary, public milestones, timeline, diagram, tasks, requests to the
 * applicant, documents (preview and download), variables and audit entries.
 */
export function CaseShow() {
  const t = useT();
  return (
    <Show title={t('resources.cases.titleOne')} actions={false}>
      <CaseDetail />
    </Show>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 3 }} aria-label={title}>
      <Typography component="h2" variant="h6" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function CaseDetail() {
  const t = useT();
  const [locale] = useLocaleState();
  const view = useRecordContext<CaseView>();
  // react-admin shows the list's row while the whole case loads: wait for the case.
  if (!view || !Array.isArray(view.timeline))
    return <CircularProgress aria-label={t('diagram.loading')} />;
  const date = (value: string | null) => (value ? new Date(value).toLocaleString(locale) : '—');
  const none = <Typography variant="body2">{t('resources.cases.none')}</Typography>;
  const staffTasks = view.tasks.filter((task) => task.audience !== 'citizen');
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h1" variant="h5">
            {view.reference} · {localized(view.service.title, locale)}
          </Typography>
          <CaseStatusChip status={view.status} />
        </Stack>
        <Grid container spacing={3} sx={{ mt: 1 }}>
          <Grid size={{ xs: 12, md: 5 }}>
            <Table size="small" aria-label={t('resources.cases.sections.summary')}>
              <TableBody>
                {(
                  [
                    ['tenant', view.tenant.name],
                    ['applicant', `${view.applicant.name ?? '—'} <${view.applicant.email}>`],
                    ['submittedAt', date(view.submittedAt)],
                    ['expectedCompletionAt', date(view.expectedCompletionAt)],
                    ['decision', view.decision ?? '—'],
                    ['processInstanceKey', view.processInstanceKey ?? '—'],
                  ] as const
                ).map(([field, value]) => (
                  <TableRow key={field}>
                    <TableCell component="th" scope="row">
                      {t(`resources.cases.fields.${field}`)}
                    </TableCell>
                    <TableCell>{value}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Section title={t('resources.cases.sections.milestones')}>
              <CaseMilestones milestones={view.milestones ?? []} />
            </Section>
            <Section title={t('resources.cases.sections.timeline')}>
              <CaseTimeline view={view} />
            </Section>
          </Grid>
          <Grid size={{ xs: 12, md: 7 }}>
            <Section title={t('resources.cases.sections.diagram')}>
              <CaseDiagram instanceKey={view.processInstanceKey} />
            </Section>
          </Grid>
        </Grid>
        <Section title={t('resources.cases.sections.tasks')}>
          {staffTasks.length ? (
            <Table size="small" aria-label={t('resources.cases.sections.tasks')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('resources.cases.tasks.name')}</TableCell>
                  <TableCell>{t('resources.cases.tasks.status')}</TableCell>
                  <TableCell>{t('resources.cases.tasks.assignee')}</TableCell>
                  <TableCell>{t('resources.cases.tasks.dueAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {staffTasks.map((task, index) => (
                  <TableRow key={task.id ?? index}>
                    <TableCell>{task.name}</TableCell>
                    <TableCell>
                      {task.status ? t(`resources.cases.taskStatus.${task.status}`) : '—'}
                    </TableCell>
                    <TableCell>{task.assignee ?? '—'}</TableCell>
                    <TableCell>{date(task.dueDate ?? null)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            none
          )}
        </Section>
        <Section title={t('resources.cases.sections.requests')}>
          <CaseRequests tasks={view.tasks} />
        </Section>
        <Section title={t('resources.cases.sections.documents')}>
          <CaseDocuments caseId={view.id} documents={view.documents} />
        </Section>
        <Section title={t('resources.cases.sections.variables')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('resources.cases.variables.name')}</TableCell>
                <TableCell>{t('resources.cases.variables.value')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {Object.entries(view.variables).map(([name, value]) => (
                <TableRow key={name}>
                  <TableCell>{name}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                    {JSON.stringify(value)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
        <Section title={t('resources.cases.sections.audit')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('resources.cases.audit.at')}</TableCell>
                <TableCell>{t('resources.cases.audit.actor')}</TableCell>
                <TableCell>{t('resources.cases.audit.action')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {view.audit.map((entry, index) => (
                <TableRow key={`${entry.at}-${index}`}>
                  <TableCell>{date(entry.at)}</TableCell>
                  <TableCell>
                    {entry.actor.type}
                    {entry.actor.id ? `: ${entry.actor.id}` : ''}
                  </TableCell>
                  <TableCell>{entry.action}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      </CardContent>
    </Card>
  );
}
