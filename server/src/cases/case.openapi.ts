/** OpenAPI paths of the staff case API (see `case.routes.ts`). */
import { citizenCase } from '../citizens/citizen.openapi';
import { responses, type OpenApiPaths } from '../http/openapi';
import { CASE_STATUSES } from './case.model';

const text = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
const tags = ['cases'];

const caseSummary = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    reference: { type: 'string' },
    tenantId: { type: 'string' },
    serviceId: { type: 'string' },
    serviceTitle: text,
    status: { enum: [...CASE_STATUSES] },
    applicantName: { type: ['string', 'null'] },
    applicantEmail: { type: 'string' },
    submittedAt: { type: 'string', format: 'date-time' },
    expectedCompletionAt: { type: ['string', 'null'], format: 'date-time' },
    processInstanceKey: { type: ['string', 'null'] },
  },
};

const staffCase = {
  allOf: [
    citizenCase,
    {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        applicant: {
          type: 'object',
          properties: {
            email: { type: 'string' },
            name: { type: ['string', 'null'] },
            language: { enum: ['de', 'en'] },
          },
        },
        formData: { type: 'object', description: 'the data as submitted (after validation)' },
        variables: {
          type: 'object',
          description:
            'submitted data merged with what tasks added (kept by the server; gRPC cannot read variables)',
        },
        processInstanceKey: { type: ['string', 'null'] },
        bpmnProcessId: { type: 'string' },
        startAttempts: { type: 'integer' },
        lastStartError: { type: ['string', 'null'] },
        decision: { type: ['string', 'null'] },
        closedAt: { type: ['string', 'null'], format: 'date-time' },
        tasks: { type: 'array', items: { type: 'object' } },
        audit: { type: 'array', items: { type: 'object' } },
      },
    },
  ],
};

const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const query = (name: string, schema: unknown, description?: string) => ({
  name,
  in: 'query',
  required: false,
  schema,
  ...(description ? { description } : {}),
});

export const caseOpenApi: OpenApiPaths = {
  '/api/cases': {
    get: {
      summary:
        'Cases the staff member may see, newest first (partial pagination, every read audited)',
      tags,
      parameters: [
        query('page', { type: 'integer', minimum: 1, default: 1 }),
        query('perPage', { type: 'integer', minimum: 1, maximum: 100, default: 25 }),
        query('tenantId', { type: 'string' }),
        query('serviceId', { type: 'string' }),
        query('status', { enum: [...CASE_STATUSES] }),
        query('reference', { type: 'string' }, 'the reference or its beginning'),
        query('submittedFrom', { type: 'string', format: 'date-time' }),
        query('submittedTo', { type: 'string', format: 'date-time' }),
      ],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              data: { type: 'array', items: caseSummary },
              pageInfo: {
                type: 'object',
                properties: {
                  hasNextPage: { type: 'boolean' },
                  hasPreviousPage: { type: 'boolean' },
                },
              },
            },
          },
          'A page',
        ),
        '400': responses.problem,
        '401': responses.problem,
        '403': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/cases/{id}': {
    get: {
      summary:
        'The whole case (by id or reference): data, variables, instance key, milestones, documents, tasks, audit',
      tags,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': json(staffCase, 'The case'),
        '401': responses.problem,
        '403': responses.problem,
        '404': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/cases/{id}/documents/{documentId}': {
    get: {
      summary:
        'A document of the case (audited): attachment, or inline (PDF and images only) for the preview',
      tags,
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        {
          name: 'documentId',
          in: 'path',
          required: true,
          schema: { type: 'string', format: 'uuid' },
        },
        {
          name: 'disposition',
          in: 'query',
          schema: { type: 'string', enum: ['attachment', 'inline'], default: 'attachment' },
        },
      ],
      responses: {
        '200': {
          description: 'The file (nosniff, sandboxed by its CSP)',
          content: {
            'application/pdf': { schema: { type: 'string', format: 'binary' } },
            'image/png': { schema: { type: 'string', format: 'binary' } },
            'image/jpeg': { schema: { type: 'string', format: 'binary' } },
          },
        },
        '400': responses.problem,
        '401': responses.problem,
        '403': responses.problem,
        '404': responses.problem,
        '415': responses.problem,
        default: responses.problem,
      },
    },
  },
};
