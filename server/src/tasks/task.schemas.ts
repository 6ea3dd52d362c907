/** One zod schema per request of the task routes (see `task.routes.ts`). */
import { z } from 'zod';
import { jsonParam } from '../staff/simpleRest';
import { decodeCursor, TASK_SORT_FIELDS, TASK_VIEWS } from './taskInbox';

export const MAX_TASK_PAGE = 200;
export const DEFAULT_TASK_PAGE = 25;

const isoDateTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const taskFilterSchema = z.strictObject({
  view: z.enum(TASK_VIEWS).optional(),
  tenantId: z.string().min(1).max(31).optional(),
  serviceId: z.string().min(1).max(64).optional(),
  caseId: z.uuid().optional(),
  dueBefore: isoDateTime.optional(),
  dueAfter: isoDateTime.optional(),
  q: z.string().max(200).optional(),
});

const range = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([start, end]) => end >= start && end - start < MAX_TASK_PAGE, {
    message: `must be [start, end] with start <= end and at most ${MAX_TASK_PAGE} tasks`,
  });

/** ra-data-simple-rest's sort, range and filter, plus the keyset `cursor` of the next page. */
export const listTasksQuery = z
  .strictObject({
    sort: jsonParam(z.tuple([z.enum(TASK_SORT_FIELDS), z.enum(['ASC', 'DESC'])])).optional(),
    range: jsonParam(range).optional(),
    filter: jsonParam(taskFilterSchema).optional(),
    cursor: z
      .string()
      .max(400)
      .transform((text, ctx) => {
        const cursor = decodeCursor(text);
        if (!cursor) {
          ctx.addIssue({ code: 'custom', message: 'is not a cursor of this list' });
          return z.NEVER;
        }
        return cursor;
      })
      .optional(),
  })
  .transform((query) => {
    const [start, end] = query.range ?? [0, DEFAULT_TASK_PAGE - 1];
    return {
      filter: query.filter ?? {},
      sort: {
        field: query.sort?.[0] ?? ('dueDate' as const),
        order: query.sort?.[1] === 'DESC' ? ('desc' as const) : ('asc' as const),
      },
      offset: start,
      limit: end - start + 1,
      cursor: query.cursor,
    };
  });

export const assignBody = z.strictObject({
  assignee: z.string().trim().min(1).max(64),
});

export const completeBody = z.strictObject({
  /** The form's data, keyed as the form's fields. */
  data: z.record(z.string(), z.unknown()).default({}),
});

export const commentBody = z.strictObject({
  body: z.string().trim().min(1).max(4000),
});
