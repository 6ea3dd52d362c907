/**
 * The list contract of react-admin's ra-data-simple-rest: `?sort=["name","ASC"]`,
 * `?range=[0,24]` (inclusive), `?filter={"q":"…","id":[…]}`, and the total in
 * `Content-Range: users 0-24/319`.
 */
import type { Response } from 'express';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 25;

/** A query parameter holding JSON, validated by `schema` after parsing. */
export function jsonParam<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const range = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([start, end]) => end >= start && end - start < MAX_PAGE_SIZE, {
    message: `must be [start, end] with start <= end and at most ${MAX_PAGE_SIZE} items`,
  });

/** The list query of a resource with the given sort fields and filter. */
export function listQuerySchema<
  Field extends string,
  Filter extends z.ZodType<Record<string, unknown>>,
>(sortFields: readonly [Field, ...Field[]], filter: Filter) {
  return z.strictObject({
    sort: jsonParam(z.tuple([z.enum(sortFields), z.enum(['ASC', 'DESC'])])).optional(),
    range: jsonParam(range).optional(),
    filter: jsonParam(filter).optional(),
  });
}

export interface ListRequest<Field extends string, Filter> {
  sort: { field: Field; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
  filter: Filter;
}

/** Defaults applied: the first sort field ascending, the first page, no filter. */
export function toListRequest<Field extends string, Filter>(
  query: {
    sort?: [Field, 'ASC' | 'DESC'] | undefined;
    range?: [number, number] | undefined;
    filter?: Filter | undefined;
  },
  defaultField: Field,
  emptyFilter: Filter,
): ListRequest<Field, Filter> {
  const [start, end] = query.range ?? [0, DEFAULT_PAGE_SIZE - 1];
  return {
    sort: {
      field: query.sort?.[0] ?? defaultField,
      order: query.sort?.[1] === 'DESC' ? 'desc' : 'asc',
    },
    offset: start,
    limit: end - start + 1,
    filter: query.filter ?? emptyFilter,
  };
}

/** Sends a page with its Content-Range header. */
export function sendList(
  res: Response,
  resource: string,
  offset: number,
  items: readonly unknown[],
  total: number,
): void {
  const range = items.length ? `${offset}-${offset + items.length - 1}` : '*';
  res.set('Content-Range', `${resource} ${range}/${total}`);
  res.set('Access-Control-Expose-Headers', 'Content-Range');
  res.json(items);
}

/** A filter value that may be one id or a list of ids (react-admin's getMany sends a list). */
export function idList<T extends z.ZodType<string>>(id: T) {
  return z
    .union([id, z.array(id).max(MAX_PAGE_SIZE)])
    .transform((value) => (Array.isArray(value) ? value : [value]));
}
