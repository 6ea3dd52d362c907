/** OpenAPI paths of /api/admin/users and /api/admin/groups (see `staff.routes.ts`). */
import { parameters, responses, type OpenApiPaths } from '../http/openapi';
import { GROUP_SORT_FIELDS, PASSWORD_MIN_LENGTH, USER_SORT_FIELDS } from './staff.schemas';

const tags = ['staff administration'];

const csrfHeader = parameters.csrf;

const idPath = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

const listParameters = (sortFields: readonly string[], filter: string) => [
  {
    name: 'sort',
    in: 'query',
    schema: { type: 'string' },
    example: `["${sortFields[0]}","ASC"]`,
    description: `JSON [field, "ASC"|"DESC"]; fields: ${sortFields.join(', ')}`,
  },
  {
    name: 'range',
    in: 'query',
    schema: { type: 'string' },
    example: '[0,24]',
    description: 'JSON [start, end], inclusive, at most 1000 items',
  },
  {
    name: 'filter',
    in: 'query',
    schema: { type: 'string' },
    example: '{"q":"muster"}',
    description: `JSON object: ${filter}`,
  },
];

const contentRange = {
  'Content-Range': {
    schema: { type: 'string' },
    description: 'e.g. "users 0-24/319": the items sent and the total',
  },
};

const membership = {
  type: 'object',
  required: ['tenantId', 'roles'],
  properties: {
    tenantId: { type: 'string' },
    roles: { type: 'array', minItems: 1, items: { enum: ['admin', 'designer', 'clerk'] } },
    groups: { type: 'array', items: { type: 'string' }, description: 'group keys of the tenant' },
  },
};

const user = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    email: { type: 'string', format: 'email' },
    displayName: { type: 'string' },
    active: { type: 'boolean' },
    passwordSet: { type: 'boolean' },
    memberships: {
      type: 'array',
      items: membership,
      description: "only within the caller's tenants",
    },
    lastLoginAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const userInput = (required: string[]) => ({
  type: 'object',
  required,
  properties: {
    username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' },
    email: { type: 'string', format: 'email' },
    displayName: { type: 'string', maxLength: 120 },
    password: {
      type: 'string',
      minLength: PASSWORD_MIN_LENGTH,
      description: 'omit to keep (or to have none: OIDC only)',
    },
    active: { type: 'boolean' },
    memberships: { type: 'array', items: membership },
  },
});

const group = {
  type: 'object',
  properties: {
    id: { type: 'string', example: 'luzern:einwohnerkontrolle' },
    tenantId: { type: 'string' },
    key: { type: 'string', description: 'the BPMN candidate group' },
    name: { type: 'string' },
    description: { type: ['string', 'null'] },
    memberIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const json = (schema: unknown, description: string, headers?: unknown) => ({
  description,
  content: { 'application/json': { schema } },
  ...(headers ? { headers } : {}),
});

const body = (schema: unknown) => ({ required: true, content: { 'application/json': { schema } } });

const errors = {
  '400': responses.problem,
  '401': responses.problem,
  '403': {
    ...responses.problem,
    description: 'Not an administrator of the tenant, or CSRF failure',
  },
  '404': responses.problem,
  default: responses.problem,
};

export const staffOpenApi: OpenApiPaths = {
  '/api/admin/users': {
    get: {
      summary: "Staff users of the caller's tenants (ra-data-simple-rest list)",
      tags,
      parameters: listParameters(
        USER_SORT_FIELDS,
        'q, id (one or a list), tenantId, role, group, active',
      ),
      responses: {
        '200': json({ type: 'array', items: user }, 'A page of users', contentRange),
        ...errors,
      },
    },
    post: {
      summary: 'Create a staff user with memberships in tenants the caller administers',
      tags,
      parameters: [csrfHeader],
      requestBody: body(userInput(['username', 'email', 'displayName', 'memberships'])),
      responses: {
        '201': json(user, 'Created'),
        '409': { ...responses.problem, description: 'User name or e-mail taken' },
        ...errors,
      },
    },
  },
  '/api/admin/users/{id}': {
    get: {
      summary: 'One staff user',
      tags,
      parameters: [idPath('user id')],
      responses: { '200': json(user, 'The user'), ...errors },
    },
    put: {
      summary: "Update a staff user; memberships are replaced within the caller's tenants",
      tags,
      parameters: [idPath('user id'), csrfHeader],
      requestBody: body(userInput([])),
      responses: {
        '200': json(user, 'Updated'),
        '409': {
          ...responses.problem,
          description: 'Name taken, or a tenant would lose its last administrator',
        },
        ...errors,
      },
    },
    delete: {
      summary: "Remove the user from the caller's tenants (deleted when no tenant is left)",
      tags,
      parameters: [idPath('user id'), csrfHeader],
      responses: {
        '200': json(user, 'The user as it was'),
        '409': { ...responses.problem, description: 'A tenant would lose its last administrator' },
        ...errors,
      },
    },
  },
  '/api/admin/groups': {
    get: {
      summary: "Groups of the caller's tenants (ra-data-simple-rest list)",
      tags,
      parameters: listParameters(GROUP_SORT_FIELDS, 'q, id (one or a list), tenantId'),
      responses: {
        '200': json({ type: 'array', items: group }, 'A page of groups', contentRange),
        ...errors,
      },
    },
    post: {
      summary: 'Create a group (its key is the BPMN candidate group and never changes)',
      tags,
      parameters: [csrfHeader],
      requestBody: body({
        type: 'object',
        required: ['tenantId', 'key', 'name'],
        additionalProperties: false,
        properties: {
          tenantId: { type: 'string' },
          key: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
          name: { type: 'string', maxLength: 120 },
          description: { type: 'string', maxLength: 500 },
        },
      }),
      responses: {
        '201': json(group, 'Created'),
        '409': { ...responses.problem, description: 'The group exists' },
        ...errors,
      },
    },
  },
  '/api/admin/groups/{id}': {
    get: {
      summary: 'One group',
      tags,
      parameters: [idPath('<tenant>:<key>')],
      responses: { '200': json(group, 'The group'), ...errors },
    },
    put: {
      summary: 'Rename or describe a group',
      tags,
      parameters: [idPath('<tenant>:<key>'), csrfHeader],
      requestBody: body({
        type: 'object',
        properties: { name: { type: 'string' }, description: { type: ['string', 'null'] } },
      }),
      responses: { '200': json(group, 'Updated'), ...errors },
    },
    delete: {
      summary: 'Delete a group and its memberships',
      tags,
      parameters: [idPath('<tenant>:<key>'), csrfHeader],
      responses: { '200': json(group, 'The group as it was'), ...errors },
    },
  },
};
