/** OpenAPI paths of the task inbox (see `task.routes.ts`). */
import { parameters, responses, type OpenApiPaths } from '../http/openapi';
import { MAX_TASK_PAGE } from './task.schemas';
import { TASK_SORT_FIELDS, TASK_VIEWS } from './taskInbox';

const tags = ['tasks'];

const csrfHeader = parameters.csrf;

const idPath = parameters.uuidId;

const dateTime = { type: ['string', 'null'], format: 'date-time' };

const taskSummary = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    tenantId: { type: 'string' },
    status: { enum: ['open', 'completed', 'canceled'] },
    caseId: { type: ['string', 'null'], format: 'uuid' },
    caseReference: { type: ['string', 'null'], example: 'LU-2026-000123' },
    applicantName: { type: ['string', 'null'] },
    serviceId: { type: ['string', 'null'] },
    bpmnProcessId: { type: 'string' },
    processInstanceKey: { type: 'string' },
    elementId: { type: 'string' },
    name: { type: 'string', description: 'the user task’s name in the BPMN (else its id)' },
    candidateGroups: { type: 'array', items: { type: 'string' } },
    candidateUsers: { type: 'array', items: { type: 'string' } },
    assignee: { type: ['string', 'null'], description: 'user name of the assigned staff member' },
    dueDate: dateTime,
    followUpDate: dateTime,
    formKey: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    completedAt: dateTime,
  },
};

const taskDetail = {
  allOf: [
    taskSummary,
    {
      type: 'object',
      properties: {
        variables: { type: 'object', description: 'the job’s variables the form shows' },
        form: {
          type: ['object', 'null'],
          description: 'the form-js schema of the task’s form; null: none',
          properties: {
            id: { type: 'string' },
            version: { type: ['integer', 'null'] },
            schema: { type: 'object' },
          },
        },
        milestone: { type: ['string', 'null'] },
        milestoneOnComplete: { type: ['string', 'null'] },
        completedBy: { type: ['string', 'null'] },
      },
    },
  ],
};

const comment = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    taskId: { type: 'string', format: 'uuid' },
    author: {
      type: 'object',
      properties: { id: { type: ['string', 'null'] }, name: { type: 'string' } },
    },
    body: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const body = (schema: unknown) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const denied = {
  '401': responses.problem,
  '404': { ...responses.problem, description: 'No such task, or one the caller may not see' },
};
const writeDenied = {
  ...denied,
  '403': { ...responses.problem, description: 'CSRF token or Origin' },
};

const action = (summary: string, requestBody?: unknown, extra: Record<string, unknown> = {}) => ({
  post: {
    summary,
    tags,
    parameters: [idPath, csrfHeader],
    ...(requestBody ? { requestBody: body(requestBody) } : {}),
    responses: {
      '200': json(taskDetail, 'The task after the change'),
      '409': {
        ...responses.problem,
        description: 'Not open any more, or assigned to someone else',
      },
      ...writeDenied,
      ...extra,
    },
  },
});

export const taskOpenApi: OpenApiPaths = {
  '/api/tasks': {
    get: {
      summary: 'The caller’s task inbox: one page of open tasks they may see',
      description:
        'ra-data-simple-rest with partial pagination: no total is counted. Follow X-Next-Cursor ' +
        '(sent back as `cursor`, same sort) for the next page; `range` without a cursor is an offset.',
      tags,
      parameters: [
        {
          name: 'sort',
          in: 'query',
          schema: { type: 'string' },
          example: '["dueDate","ASC"]',
          description: `JSON [field, "ASC"|"DESC"]; fields: ${TASK_SORT_FIELDS.join(', ')} (no due date sorts last)`,
        },
        {
          name: 'range',
          in: 'query',
          schema: { type: 'string' },
          example: '[0,24]',
          description: `JSON [start, end], inclusive, at most ${MAX_TASK_PAGE} tasks`,
        },
        {
          name: 'filter',
          in: 'query',
          schema: { type: 'string' },
          example: '{"view":"groups","q":"keller"}',
          description:
            `JSON object: view (${TASK_VIEWS.join(', ')}; none: all the caller may see; all: administrators), ` +
            'tenantId, serviceId, caseId, dueBefore, dueAfter (ISO date-times), q (words of reference or applicant)',
        },
        {
          name: 'cursor',
          in: 'query',
          schema: { type: 'string' },
          description: 'X-Next-Cursor of the previous page',
        },
      ],
      responses: {
        '200': {
          ...json({ type: 'array', items: taskSummary }, 'One page of tasks'),
          headers: {
            'Content-Range': {
              schema: { type: 'string' },
              description: 'e.g. "tasks 0-24/*": the tasks sent; the total is not counted',
            },
            'X-Next-Cursor': {
              schema: { type: 'string' },
              description: 'present when there is a next page',
            },
          },
        },
        '400': responses.problem,
        '401': responses.problem,
        '403': { ...responses.problem, description: 'view "all" without the admin role' },
      },
    },
  },
  '/api/tasks/{id}': {
    get: {
      summary: 'One task with its variables and form (read audited)',
      tags,
      parameters: [idPath],
      responses: { '200': json(taskDetail, 'The task'), ...denied },
    },
  },
  '/api/tasks/{id}/claim': action('Claim the task (assign it to oneself)'),
  '/api/tasks/{id}/unclaim': action('Give the task back (its assignee or an administrator)'),
  '/api/tasks/{id}/assign': action(
    'Assign the task to a colleague of its tenant who is one of its candidates',
    {
      type: 'object',
      required: ['assignee'],
      properties: { assignee: { type: 'string', description: 'user name' } },
    },
    { '400': responses.problem },
  ),
  '/api/tasks/{id}/complete': action(
    'Complete the task with its form data (claim it first); the process continues',
    {
      type: 'object',
      properties: { data: { type: 'object', description: 'keyed as the form’s fields' } },
    },
    {
      '400': {
        ...responses.problem,
        description: 'The data do not fit the form (errors per field)',
      },
      '503': {
        ...responses.problem,
        description: 'The engine has not confirmed yet (Retry-After)',
      },
    },
  ),
  '/api/tasks/{id}/colleagues': {
    get: {
      summary: 'Colleagues the task may be assigned to (active candidates of its tenant)',
      tags,
      parameters: [idPath],
      responses: {
        '200': json(
          {
            type: 'array',
            items: {
              type: 'object',
              properties: { username: { type: 'string' }, displayName: { type: 'string' } },
            },
          },
          'The colleagues, by name',
        ),
        ...denied,
      },
    },
  },
  '/api/tasks/{id}/diagram': {
    get: {
      summary: 'The BPMN diagram of the task’s process and the task’s element (to highlight)',
      tags,
      parameters: [idPath],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              processDefinitionKey: { type: 'string' },
              bpmnProcessId: { type: 'string' },
              version: { type: 'integer' },
              elementId: { type: 'string' },
              bpmnXml: { type: 'string' },
            },
          },
          'The diagram',
        ),
        ...denied,
      },
    },
  },
  '/api/tasks/{id}/comments': {
    get: {
      summary: 'Comments on the task, oldest first',
      tags,
      parameters: [idPath],
      responses: { '200': json({ type: 'array', items: comment }, 'The comments'), ...denied },
    },
    post: {
      summary: 'Comment on the task',
      tags,
      parameters: [idPath, csrfHeader],
      requestBody: body({
        type: 'object',
        required: ['body'],
        properties: { body: { type: 'string', maxLength: 4000 } },
      }),
      responses: {
        '201': json(comment, 'The new comment'),
        '400': responses.problem,
        ...writeDenied,
      },
    },
  },
};
