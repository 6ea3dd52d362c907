import { recordAction } from '../dataProvider';
import type { TaskRecord } from './task';

export const claimTask = (id: string) => recordAction<TaskRecord>('tasks', id, 'claim');
export const unclaimTask = (id: string) => recordAction<TaskRecord>('tasks', id, 'unclaim');
export const assignTask = (id: string, assignee: string) =>
  recordAction<TaskRecord>('tasks', id, 'assign', { assignee });
export const completeTask = (id: string, data: Record<string, unknown>) =>
  recordAction<TaskRecord>('tasks', id, 'complete', { data });
