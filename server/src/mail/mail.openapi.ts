import { pageInfoSchema, pageParams } from '../audit/audit.openapi';
import { responses, type OpenApiPaths } from '../http/openapi';

const mailSummary = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    tenantId: { type: 'string' },
    caseId: { type: ['string', 'null'] },
    to: { type: 'string' },
    subject: { type: 'string' },
    status: { enum: ['queued', 'sent', 'failed'] },
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    messageId: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    sentAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

const denied = { '401': responses.problem, '403': responses.problem };

export const mailOpenApi: OpenApiPaths = {
  '/api/admin/mail-outbox': {
    get: {
      summary: 'E-mails of the caller’s tenants, newest first, without bodies (administrators)',
      tags: ['administration'],
      parameters: [
        ...pageParams,
        { name: 'tenantId', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'caseId', in: 'query', required: false, schema: { type: 'string' } },
        {
          name: 'status',
          in: 'query',
          required: false,
          schema: { enum: ['queued', 'sent', 'failed'] },
        },
      ],
      responses: {
        '200': {
          description: 'One page of the outbox',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  data: { type: 'array', items: mailSummary },
                  pageInfo: pageInfoSchema,
                },
              },
            },
          },
        },
        '400': responses.problem,
        ...denied,
      },
    },
  },
  '/api/admin/mail-outbox/{id}': {
    get: {
      summary: 'One e-mail of the outbox with its text and HTML body (administrators)',
      tags: ['administration'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      responses: {
        '200': {
          description: 'The e-mail',
          content: {
            'application/json': {
              schema: {
                allOf: [
                  mailSummary,
                  {
                    type: 'object',
                    properties: { text: { type: 'string' }, html: { type: ['string', 'null'] } },
                  },
                ],
              },
            },
          },
        },
        '404': responses.problem,
        ...denied,
      },
    },
  },
};
