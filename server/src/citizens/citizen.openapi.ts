/** OpenAPI paths of citizen access (see `citizen.routes.ts`). */
import { responses, type OpenApiPaths } from '../http/openapi';

const text = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const status = {
  enum: [
    'waiting_to_start',
    'submitted',
    'in_progress',
    'waiting_for_citizen',
    'decided',
    'closed',
    'rejected',
  ],
};

export const citizenCase = {
  type: 'object',
  properties: {
    reference: { type: 'string' },
    tenant: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    service: { type: 'object', properties: { id: { type: 'string' }, title: text } },
    status,
    statusLabel: text,
    submittedAt: dateTime,
    expectedCompletionAt: nullableDateTime,
    decidedAt: nullableDateTime,
    milestones: {
      type: 'array',
      description: "the manifest's public milestones in order, with when each was reached",
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, label: text, reachedAt: nullableDateTime },
      },
    },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          at: dateTime,
          kind: { enum: ['submitted', 'milestone', 'request', 'message', 'decision', 'closed'] },
          label: text,
          milestoneId: { type: 'string' },
        },
      },
    },
    documents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          kind: { enum: ['upload', 'decision', 'certificate', 'invoice'] },
          name: { type: 'string' },
          mediaType: { type: 'string' },
          sizeBytes: { type: 'integer' },
          createdAt: dateTime,
        },
      },
    },
    messages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          kind: { type: 'string' },
          subject: { type: 'string' },
          body: { type: 'string' },
          createdAt: dateTime,
        },
      },
    },
    openRequests: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: text,
          kind: { type: 'string' },
          createdAt: dateTime,
          dueAt: nullableDateTime,
        },
      },
    },
  },
};

const tags = ['citizens'];
const referencePath = {
  name: 'reference',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: 'LU-2026-000123',
};
const authorization = {
  name: 'Authorization',
  in: 'header',
  required: true,
  schema: { type: 'string' },
  description: 'Bearer <tracking token> or Bearer <my-cases session token>',
};
const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const citizenOpenApi: OpenApiPaths = {
  '/api/portal/cases/{reference}': {
    get: {
      summary: 'A case as its citizen sees it',
      description:
        'Wrong token, a token of another case and an unknown reference all answer the same 404.',
      tags,
      parameters: [referencePath, authorization],
      responses: {
        '200': json(citizenCase, 'The case'),
        '401': responses.problem,
        '404': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/portal/cases/{reference}/documents/{documentId}': {
    get: {
      summary: 'Download a document of the case (attachment, never inline)',
      tags,
      parameters: [
        referencePath,
        {
          name: 'documentId',
          in: 'path',
          required: true,
          schema: { type: 'string', format: 'uuid' },
        },
        authorization,
      ],
      responses: {
        '200': {
          description: 'The file',
          content: {
            'application/pdf': { schema: { type: 'string', format: 'binary' } },
            'image/png': { schema: { type: 'string', format: 'binary' } },
            'image/jpeg': { schema: { type: 'string', format: 'binary' } },
          },
        },
        '401': responses.problem,
        '404': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/portal/my-cases/code': {
    post: {
      summary: '"My cases": send a one-time code to the address (if it has cases)',
      description:
        'Always 202, whether or not the address has cases. Rate limited per address and client.',
      tags,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email'],
              properties: { email: { type: 'string', format: 'email' } },
            },
          },
        },
      },
      responses: {
        '202': json({ type: 'object', properties: { sent: { const: true } } }, 'Accepted'),
        '400': responses.problem,
        '429': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/portal/my-cases/session': {
    post: {
      summary: '"My cases": exchange address and code for a short-lived session token',
      tags,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email', 'code'],
              properties: {
                email: { type: 'string', format: 'email' },
                code: { type: 'string', pattern: '^\\d{6}$' },
              },
            },
          },
        },
      },
      responses: {
        '201': json(
          { type: 'object', properties: { token: { type: 'string' }, expiresAt: dateTime } },
          'Session token (Authorization: Bearer) for my-cases and those cases',
        ),
        '400': responses.problem,
        '401': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/portal/my-cases': {
    get: {
      summary: '"My cases": every case of the session’s address, across tenants, newest first',
      tags,
      parameters: [authorization],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              cases: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    reference: { type: 'string' },
                    tenantId: { type: 'string' },
                    serviceId: { type: 'string' },
                    serviceTitle: text,
                    status,
                    statusLabel: text,
                    submittedAt: dateTime,
                    expectedCompletionAt: nullableDateTime,
                  },
                },
              },
            },
          },
          'The cases',
        ),
        '401': responses.problem,
        default: responses.problem,
      },
    },
  },
};
