import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { useSession } from '../api/useSession';
import { useT } from '../i18n/useT';
import { AssignDialog } from './AssignDialog';
import type { TaskRecord } from './task';
import { assignTask, claimTask, unclaimTask } from './taskActions';

/** Claim, give back, or hand the task to a colleague. */
export function TaskActions({ task }: { task: TaskRecord }) {
  const t = useT();
  const notify = useNotify();
  const refresh = useRefresh();
  const session = useSession();
  const [assigning, setAssigning] = useState(false);
  if (task.status !== 'open') return null;
  const mine = task.assignee !== null && task.assignee === session?.user.username;

  const act = async (action: () => Promise<unknown>, done: Parameters<typeof t>[0]) => {
    try {
      await action();
      notify(t(done), { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Stack direction="row" spacing={1}>
      {task.assignee === null && (
        <Button
          variant="contained"
          onClick={() => void act(() => claimTask(task.id), 'resources.tasks.claimed')}
        >
          {t('resources.tasks.actions.claim')}
        </Button>
      )}
      {task.assignee !== null && (
        <Button onClick={() => void act(() => unclaimTask(task.id), 'resources.tasks.unclaimed')}>
          {t('resources.tasks.actions.unclaim')}
        </Button>
      )}
      <Button onClick={() => setAssigning(true)}>{t('resources.tasks.actions.assign')}</Button>
      <AssignDialog
        taskId={task.id}
        open={assigning}
        onClose={() => setAssigning(false)}
        onAssign={(username) => {
          setAssigning(false);
          void act(() => assignTask(task.id, username), 'resources.tasks.assigned');
        }}
      />
      {mine && <span aria-live="polite">{t('resources.tasks.yours')}</span>}
    </Stack>
  );
}
