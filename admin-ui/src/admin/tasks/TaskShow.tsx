import { Card, CardContent, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Show, useRecordContext } from 'react-admin';
import { useSession } from '../api/useSession';
import { useT } from '../i18n/useT';
import { CaseSummary } from './CaseSummary';
import { DueDateField } from './DueDateField';
import { ProcessDiagram } from './ProcessDiagram';
import type { TaskRecord } from './task';
import { TaskActions } from './TaskActions';
import { TaskComments } from './TaskComments';
import { TaskForm } from './TaskForm';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" sx={{ mb: 2 }}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function TaskPage() {
  const t = useT();
  const task = useRecordContext<TaskRecord>();
  const session = useSession();
  if (!task) return null;
  const mine = task.assignee !== null && task.assignee === session?.user.username;
  return (
    <CardContent>
      <Typography component="h1" variant="h5">
        {task.name}
      </Typography>
      <Typography sx={{ mb: 1 }}>
        {task.caseReference} · {task.applicantName} · <DueDateField />
      </Typography>
      <TaskActions task={task} />
      <Grid container spacing={2} sx={{ mt: 1 }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={t('resources.tasks.form')}>
            <TaskForm task={task} canComplete={task.status === 'open' && mine} />
          </Section>
          <Section title={t('resources.tasks.diagram')}>
            <ProcessDiagram taskId={task.id} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          {task.caseId && (
            <Section title={t('resources.tasks.case')}>
              <CaseSummary caseId={task.caseId} />
            </Section>
          )}
          <Section title={t('resources.tasks.comments.title')}>
            <TaskComments taskId={task.id} />
          </Section>
        </Grid>
      </Grid>
    </CardContent>
  );
}

/** The task page: form, actions, case, diagram, comments. */
export function TaskShow() {
  return (
    <Show>
      <TaskPage />
    </Show>
  );
}
