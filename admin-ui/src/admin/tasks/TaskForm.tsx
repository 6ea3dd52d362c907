import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { Alert, Box, Button } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { HttpError } from 'react-admin';
import { useT } from '../i18n/useT';
import type { TaskRecord } from './task';
import { completeTask } from './taskActions';

/**
 * The task's Camunda Form in form-js's viewer, prefilled with the task's variables. form-js
 * validates as the server does (the server validates again and names fields it refuses).
 * Completing needs the task to be the caller's.
 */
export function TaskForm({ task, canComplete }: { task: TaskRecord; canComplete: boolean }) {
  const t = useT();
  const notify = useNotify();
  const refresh = useRefresh();
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const schema = task.form?.schema;

  useEffect(() => {
    if (!container.current || !schema) return;
    const viewer = new Form({ container: container.current });
    form.current = viewer;
    void viewer.importSchema(schema, task.variables ?? {});
    return () => {
      viewer.destroy();
      form.current = null;
    };
  }, [schema, task.variables]);

  useEffect(() => {
    form.current?.setProperty('readOnly', !canComplete);
  }, [canComplete]);

  const complete = async () => {
    if (!form.current) return;
    const { data, errors } = form.current.submit();
    if (Object.keys(errors).length) return;
    setBusy(true);
    try {
      await completeTask(task.id, data as Record<string, unknown>);
      notify(t('resources.tasks.completed'), { type: 'success' });
      refresh();
    } catch (error) {
      const problem =
        error instanceof HttpError
          ? (error.body as { errors?: { field: string; message: string }[] })
          : undefined;
      const fields = problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
      notify(fields ? `${(error as Error).message} (${fields})` : (error as Error).message, {
        type: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  if (!schema) return <Alert severity="info">{t('resources.tasks.noForm')}</Alert>;
  return (
    <Box>
      <div ref={container} data-testid="task-form" />
      {task.status === 'open' && (
        <Button
          variant="contained"
          disabled={!canComplete || busy}
          onClick={() => void complete()}
          sx={{ mt: 1 }}
        >
          {t('resources.tasks.actions.complete')}
        </Button>
      )}
    </Box>
  );
}
