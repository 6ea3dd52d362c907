/** OpenAPI paths of the saved inbox views (see `taskView.routes.ts`). */
import { parameters, responses, type OpenApiPaths } from '../http/openapi';

const tags = ['tasks'];

const csrfHeader = parameters.csrf;

const idPath = parameters.uuidId;

const sort = {
  type: 'array',
  prefixItems: [{ enum: ['dueDate', 'createdAt'] }, { enum: ['ASC', 'DESC'] }],
};

const view = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    tenantId: { type: 'string' },
    filter: { type: 'object', description: 'the filter of GET /api/tasks' },
    sort,
    sharedWithGroup: { type: ['string', 'null'] },
    owner: {
      type: 'object',
      properties: { id: { type: 'string' }, displayName: { type: 'string' } },
    },
    mine: { type: 'boolean' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const input = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 80 },
    tenantId: { type: 'string', description: 'default: the tenant the caller works in' },
    filter: { type: 'object', description: 'the filter of GET /api/tasks (no cursor)' },
    sort,
    sharedWithGroup: {
      type: ['string', 'null'],
      description: 'a group of the caller in the tenant; its members see the view',
    },
  },
};

const ok = (description: string) => ({
  description,
  content: { 'application/json': { schema: view } },
});
const requestBody = { required: true, content: { 'application/json': { schema: input } } };
const denied = {
  '401': responses.problem,
  '404': { ...responses.problem, description: 'No such view, or one the caller does not see' },
};
const writeDenied = {
  ...denied,
  '403': { ...responses.problem, description: 'CSRF token or Origin; not the owner' },
};

export const taskViewOpenApi: OpenApiPaths = {
  '/api/task-views': {
    get: {
      summary: 'Saved inbox views: the caller’s own and those shared with their groups',
      tags,
      responses: {
        '200': {
          description: 'The views, by name',
          content: { 'application/json': { schema: { type: 'array', items: view } } },
        },
        '401': responses.problem,
      },
    },
    post: {
      summary: 'Save an inbox view',
      tags,
      parameters: [csrfHeader],
      requestBody,
      responses: {
        '201': ok('The view'),
        '400': responses.problem,
        '409': { ...responses.problem, description: 'The caller has a view of that name' },
        ...writeDenied,
      },
    },
  },
  '/api/task-views/{id}': {
    get: {
      summary: 'One saved view',
      tags,
      parameters: [idPath],
      responses: { '200': ok('The view'), ...denied },
    },
    put: {
      summary: 'Change a saved view (its owner)',
      tags,
      parameters: [idPath, csrfHeader],
      requestBody,
      responses: {
        '200': ok('The view'),
        '400': responses.problem,
        '409': { ...responses.problem, description: 'The caller has a view of that name' },
        ...writeDenied,
      },
    },
    delete: {
      summary: 'Delete a saved view (its owner)',
      tags,
      parameters: [idPath, csrfHeader],
      responses: { '200': ok('The deleted view'), ...writeDenied },
    },
  },
};
