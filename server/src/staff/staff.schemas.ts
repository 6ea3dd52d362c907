/**
 * Request schemas of staff administration (users and groups), one per request. Create bodies
 * are strict; update bodies ignore unknown keys, because react-admin sends the whole record
 * (id, timestamps, …) back with a PUT. Absent fields are left unchanged.
 */
import { z } from 'zod';
import { tenantIdSchema } from '../tenants/tenant.service';
import { ROLES } from './principal';
import { idList, listQuerySchema } from './simpleRest';

const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    'must be 2–64 characters: letters, digits, dot, hyphen or underscore',
  );

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const displayNameSchema = z.string().trim().min(1).max(120);

export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256);

/** A group key is the candidate group of BPMN user tasks. */
export const groupKeySchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'must be 1–64 characters: lower-case letters, digits, dot, hyphen or underscore',
  );

const unique = <T>(values: T[]) => [...new Set(values)];

export const membershipSchema = z
  .strictObject({
    tenantId: tenantIdSchema,
    roles: z
      .array(z.enum(ROLES))
      .min(1, 'needs at least one role')
      .max(ROLES.length * 2),
    groups: z.array(groupKeySchema).max(100).default([]),
  })
  .transform((m) => ({ ...m, roles: unique(m.roles), groups: unique(m.groups) }));

export const membershipsSchema = z
  .array(membershipSchema)
  .max(200)
  .refine((list) => new Set(list.map((m) => m.tenantId)).size === list.length, {
    message: 'lists a tenant twice',
  });

export const createUserBody = z.strictObject({
  username: usernameSchema,
  email: emailSchema,
  displayName: displayNameSchema,
  password: z.preprocess(emptyAsUndefined, passwordSchema.optional()),
  active: z.boolean().default(true),
  memberships: membershipsSchema.min(1, 'needs at least one tenant'),
});

export const updateUserBody = z.object({
  username: usernameSchema.optional(),
  email: emailSchema.optional(),
  displayName: displayNameSchema.optional(),
  password: z.preprocess(emptyAsUndefined, passwordSchema.optional()),
  active: z.boolean().optional(),
  memberships: membershipsSchema.optional(),
});

export const createGroupBody = z.strictObject({
  tenantId: tenantIdSchema,
  key: groupKeySchema,
  name: z.string().trim().min(1).max(120),
  description: z.preprocess(emptyAsUndefined, z.string().trim().max(500).optional()),
});

export const updateGroupBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(500).nullable().optional(),
});

export const userIdSchema = z.uuid();

/** `luzern:einwohnerkontrolle`: the tenant and the group key. */
export const groupIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,30}:[a-z0-9][a-z0-9._-]{0,63}$/, 'must be <tenant>:<group key>');

export const USER_SORT_FIELDS = [
  'username',
  'displayName',
  'email',
  'active',
  'createdAt',
  'lastLoginAt',
  'id',
] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

export const userFilterSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  id: idList(userIdSchema).optional(),
  tenantId: tenantIdSchema.optional(),
  role: z.enum(ROLES).optional(),
  group: groupKeySchema.optional(),
  active: z.boolean().optional(),
});
export type UserFilter = z.output<typeof userFilterSchema>;

export const listUsersQuery = listQuerySchema(USER_SORT_FIELDS, userFilterSchema);

export const GROUP_SORT_FIELDS = ['name', 'key', 'tenantId', 'id'] as const;
export type GroupSortField = (typeof GROUP_SORT_FIELDS)[number];

export const groupFilterSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  id: idList(groupIdSchema).optional(),
  tenantId: tenantIdSchema.optional(),
});
export type GroupFilter = z.output<typeof groupFilterSchema>;

export const listGroupsQuery = listQuerySchema(GROUP_SORT_FIELDS, groupFilterSchema);
