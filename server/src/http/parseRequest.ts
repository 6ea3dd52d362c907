/** One zod schema per request: a failure is a 400 ValidationError naming each field. */
import type { z } from 'zod';
import { ValidationError } from './errors';

export function parseRequest<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map(String);
      // An unknown key is named like a field: `filter.password`.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          field: [...path, key].join('.'),
          message: 'is not allowed',
        }));
      }
      return [{ field: path.join('.'), message: issue.message }];
    }),
  );
}
