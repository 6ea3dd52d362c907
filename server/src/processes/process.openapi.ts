/** OpenAPI paths of the process library (see `process.routes.ts`). */
import { parameters, responses, type OpenApiPaths } from '../http/openapi';
import { PROCESS_SORT_FIELDS } from './process.schemas';

const tags = ['processes'];

const idPath = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'service id',
};

const csrfHeader = parameters.csrf;

const text = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
const dateTime = { type: ['string', 'null'], format: 'date-time' };
const kind = { enum: ['process', 'form', 'decision'] };

const summary = {
  type: 'object',
  properties: {
    id: { type: 'string', example: 'dog-registration' },
    title: text,
    bpmnProcessId: { type: 'string' },
    latestVersion: { type: ['integer', 'null'] },
    deployedAt: dateTime,
    deployedBy: { type: ['string', 'null'], description: 'display name; null: the catalog' },
    hasDraft: { type: 'boolean', description: 'the caller has a draft' },
  },
};

const version = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'the deployment key' },
    bpmnProcessId: { type: 'string' },
    version: { type: 'integer' },
    processDefinitionKey: { type: ['string', 'null'] },
    deploymentKey: { type: 'string' },
    deployedAt: { type: 'string', format: 'date-time' },
    deployedBy: {
      type: ['object', 'null'],
      properties: { id: { type: 'string' }, displayName: { type: 'string' } },
    },
    source: { enum: ['designer', 'catalog'], description: 'catalog: WORKFLOWS_DIR at start' },
    comment: { type: ['string', 'null'] },
    latest: { type: 'boolean', description: 'the version new instances start' },
  },
};

const detail = {
  allOf: [
    summary,
    {
      type: 'object',
      properties: {
        engineTenantId: { type: 'string', example: '<default>' },
        resources: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' }, kind } },
        },
        versions: { type: 'array', items: version },
        draft: {
          type: ['object', 'null'],
          properties: {
            revision: { type: 'integer' },
            updatedAt: { type: 'string', format: 'date-time' },
            outdated: { type: 'boolean', description: 'a version was deployed since it began' },
          },
        },
      },
    },
  ],
};

const file = {
  type: 'object',
  required: ['name', 'content'],
  properties: {
    name: { type: 'string', example: 'dog-registration.bpmn' },
    content: { type: 'string' },
  },
};

const change = { enum: ['added', 'removed', 'changed'] };

const changes = {
  type: 'object',
  properties: {
    latestVersion: { type: ['integer', 'null'] },
    outdated: { type: 'boolean' },
    resources: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, kind, change } },
    },
    elements: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          resource: { type: 'string' },
          id: { type: 'string' },
          type: { type: 'string', example: 'bpmn:UserTask' },
          name: { type: ['string', 'null'] },
          change,
          previousName: { type: ['string', 'null'] },
          properties: { type: 'array', items: { type: 'string' }, example: ['name'] },
        },
      },
    },
  },
};

const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const body = (schema: unknown) => ({ required: true, content: { 'application/json': { schema } } });

const denied = {
  '401': responses.problem,
  '403': { ...responses.problem, description: 'not a designer or administrator; CSRF' },
  '404': { ...responses.problem, description: 'no such service' },
};

export const processOpenApi: OpenApiPaths = {
  '/api/processes': {
    get: {
      summary: 'The services of the catalog with their latest deployed version',
      tags,
      parameters: [
        {
          name: 'sort',
          in: 'query',
          schema: { type: 'string' },
          description: `JSON [field, "ASC"|"DESC"]; fields: ${PROCESS_SORT_FIELDS.join(', ')}`,
        },
        { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]' },
        {
          name: 'filter',
          in: 'query',
          schema: { type: 'string' },
          example: '{"q":"hund"}',
          description: 'JSON object: q (id or title), id (one or a list)',
        },
      ],
      responses: {
        '200': {
          ...json({ type: 'array', items: summary }, 'One page of services'),
          headers: { 'Content-Range': { schema: { type: 'string' }, example: 'processes 0-4/5' } },
        },
        '400': responses.problem,
        ...denied,
      },
    },
  },
  '/api/processes/{id}': {
    get: {
      summary: 'One service: its files, deployed versions (newest first) and the caller’s draft',
      tags,
      parameters: [idPath],
      responses: { '200': json(detail, 'The service'), ...denied },
    },
  },
  '/api/processes/{id}/model': {
    get: {
      summary: 'The files the designer opens: the caller’s draft, else the latest version',
      tags,
      parameters: [idPath],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              source: { enum: ['draft', 'version'] },
              revision: { type: 'integer', description: 'name it in the next save (0: no draft)' },
              baseDeploymentKey: { type: ['string', 'null'] },
              resources: {
                type: 'array',
                items: { ...file, properties: { ...file.properties, kind } },
              },
            },
          },
          'The files',
        ),
        ...denied,
      },
    },
  },
  '/api/processes/{id}/draft': {
    put: {
      summary: 'Save the caller’s draft (optimistic concurrency by revision)',
      description:
        'The files sent replace those of the draft (or of the latest version for a new draft).',
      tags,
      parameters: [idPath, csrfHeader],
      requestBody: body({
        type: 'object',
        required: ['revision', 'resources'],
        properties: {
          revision: { type: 'integer', description: 'the revision replaced; 0 for a new draft' },
          resources: { type: 'array', items: file },
        },
      }),
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              revision: { type: 'integer' },
              updatedAt: { type: 'string', format: 'date-time' },
            },
          },
          'The saved revision',
        ),
        '400': responses.problem,
        '409': { ...responses.problem, description: 'the draft was saved since that revision' },
        ...denied,
      },
    },
    delete: {
      summary: 'Discard the caller’s draft',
      tags,
      parameters: [idPath, csrfHeader],
      responses: { '204': { description: 'Discarded' }, ...denied },
    },
  },
  '/api/processes/{id}/draft/changes': {
    get: {
      summary: 'What the caller’s draft changes against the latest version',
      tags,
      parameters: [idPath],
      responses: {
        '200': json(changes, 'Files and elements added, removed or changed'),
        ...denied,
      },
    },
  },
  '/api/processes/{id}/deployments': {
    post: {
      summary: 'Deploy the caller’s draft to the engine with a comment (audited)',
      tags,
      parameters: [idPath, csrfHeader],
      requestBody: body({
        type: 'object',
        required: ['comment', 'revision'],
        properties: {
          comment: { type: 'string', maxLength: 500 },
          revision: { type: 'integer', description: 'the draft revision to deploy' },
          overwrite: { type: 'boolean', description: 'deploy although a newer version exists' },
        },
      }),
      responses: {
        '201': json(
          { allOf: [version, { properties: { created: { const: true } } }] },
          'The new version',
        ),
        '200': json(version, 'Nothing changed: the latest version, `created: false`'),
        '400': responses.problem,
        '409': {
          ...responses.problem,
          description: 'stale draft revision, or a newer version (overwrite)',
        },
        '422': {
          ...responses.problem,
          description:
            'The engine rejected the model: errors [{ field: "<resource>#<element>", resource, elementId, message }]',
        },
        '503': { ...responses.problem, description: 'The engine did not answer' },
        ...denied,
      },
    },
  },
};
