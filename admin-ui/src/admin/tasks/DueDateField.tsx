import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';
import { useT } from '../i18n/useT';
import type { TaskRecord } from './task';

/** The due date; an overdue one as a red chip that says so in words, not by colour alone. */
export function DueDateField(_props: { label?: string; sortBy?: string }) {
  const t = useT();
  const [locale] = useLocaleState();
  const task = useRecordContext<TaskRecord>();
  if (!task?.dueDate) return null;
  const due = new Date(task.dueDate);
  const text = due.toLocaleDateString(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  if (task.status === 'open' && due.getTime() < Date.now()) {
    return (
      <Chip
        size="small"
        color="error"
        label={t('resources.tasks.overdue', { date: text })}
        data-overdue="true"
      />
    );
  }
  return <span>{text}</span>;
}
