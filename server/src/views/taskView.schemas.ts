/** One zod schema per request of the saved inbox views (see `taskView.routes.ts`). */
import { z } from 'zod';
import { taskFilterSchema } from '../tasks/task.schemas';
import { TASK_SORT_FIELDS } from '../tasks/taskInbox';

/** The inbox filter a view keeps: the list's filter without the cursor. */
export const viewFilterSchema = taskFilterSchema.omit({ dueBefore: true, dueAfter: true }).extend({
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  dueAfter: z.iso.datetime({ offset: true }).optional(),
});

export const taskViewBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** The tenant the view belongs to; default: the one the caller works in. */
  tenantId: z.string().min(1).max(31).optional(),
  filter: viewFilterSchema.default({}),
  sort: z.tuple([z.enum(TASK_SORT_FIELDS), z.enum(['ASC', 'DESC'])]).default(['dueDate', 'ASC']),
  /** A group of the tenant the caller is in; its members see the view too. */
  sharedWithGroup: z.string().trim().min(1).max(64).nullable().default(null),
});

export type TaskViewInput = z.output<typeof taskViewBody>;
