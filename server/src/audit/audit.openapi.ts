import { responses, type OpenApiPaths } from '../http/openapi';

const stringParam = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
});

export const pageParams = [
  {
    name: 'page',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
  {
    name: 'perPage',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
  },
];

export const pageInfoSchema = {
  type: 'object',
  required: ['hasNextPage', 'hasPreviousPage'],
  properties: { hasNextPage: { type: 'boolean' }, hasPreviousPage: { type: 'boolean' } },
};

const auditRecordSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    actor: {
      type: 'object',
      properties: { type: { enum: ['staff', 'citizen', 'system'] }, id: { type: 'string' } },
    },
    tenantId: { type: ['string', 'null'] },
    action: { type: 'string' },
    objectType: { type: 'string' },
    objectId: { type: ['string', 'null'] },
    requestId: { type: ['string', 'null'] },
    details: { type: 'object', additionalProperties: true },
  },
};

export const auditOpenApi: OpenApiPaths = {
  '/api/admin/audit-log': {
    get: {
      summary: 'The audit log of the caller’s tenants, newest first (administrators)',
      tags: ['administration'],
      parameters: [
        ...pageParams,
        stringParam('tenantId', 'only this tenant'),
        {
          name: 'actorType',
          in: 'query',
          required: false,
          schema: { enum: ['staff', 'citizen', 'system'] },
        },
        stringParam('actorId', 'only this actor'),
        stringParam('action', 'e.g. document.read'),
        stringParam('objectType', 'e.g. document'),
        stringParam('objectId', 'only this object'),
        stringParam('from', 'ISO 8601 date-time, inclusive'),
        stringParam('to', 'ISO 8601 date-time, exclusive'),
      ],
      responses: {
        '200': {
          description: 'One page of entries',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  data: { type: 'array', items: auditRecordSchema },
                  pageInfo: pageInfoSchema,
                },
              },
            },
          },
        },
        '400': responses.problem,
        '401': responses.problem,
        '403': responses.problem,
      },
    },
  },
};
