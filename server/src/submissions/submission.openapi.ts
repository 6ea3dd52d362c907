/** OpenAPI paths of citizen submissions (see `submission.routes.ts`). */
import { responses, type OpenApiPaths } from '../http/openapi';

const text = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };

export const submittedCase = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    reference: { type: 'string', example: 'LU-2026-000123' },
    tenantId: { type: 'string' },
    serviceId: { type: 'string' },
    status: {
      enum: [
        'waiting_to_start',
        'submitted',
        'in_progress',
        'waiting_for_citizen',
        'decided',
        'closed',
        'rejected',
      ],
    },
    statusLabel: text,
    submittedAt: { type: 'string', format: 'date-time' },
    expectedCompletionAt: { type: ['string', 'null'], format: 'date-time' },
    trackingUrl: {
      type: ['string', 'null'],
      example: 'https://portal.lu.ch/track/LU-2026-000123#kY3…',
      description: 'PUBLIC_URL/track/{reference}#{token}; also sent by e-mail',
    },
    trackingToken: {
      type: ['string', 'null'],
      description:
        'secret for GET /api/portal/cases/{reference} (Authorization: Bearer); only its hash is stored. ' +
        'A replay returns it again (it is derived from the Idempotency-Key).',
    },
  },
};

const submissionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    applicant: {
      type: 'object',
      additionalProperties: false,
      description: "optional when the form's group applicant has email (firstName, lastName)",
      properties: {
        email: { type: 'string', format: 'email' },
        name: { type: 'string', maxLength: 200 },
        language: { enum: ['de', 'en'], description: 'of e-mails; default: Accept-Language' },
      },
    },
    data: { type: 'object', description: "the start form's fields by key" },
  },
};

const created = (description: string) => ({
  description,
  headers: {
    Location: { schema: { type: 'string' }, description: '/api/portal/cases/{reference}' },
    'Idempotent-Replayed': {
      schema: { const: 'true' },
      description: 'set when the answer is a replay',
    },
  },
  content: { 'application/json': { schema: submittedCase } },
});

export const submissionOpenApi: OpenApiPaths = {
  '/api/portal/tenants/{tenantId}/services/{serviceId}/submissions': {
    post: {
      summary: "Submit a service's start form (public)",
      description:
        'Validates `data` against the start form with the rules of form-js (required, types, patterns, ' +
        'min/max, lengths, options); errors name the field as `data.<key>`, translated by Accept-Language. ' +
        'The case is stored first, then the process instance is started with the data as variables plus ' +
        'caseId, caseReference, tenantId, serviceId, language, submittedOn and params. Attachments come as ' +
        'multipart parts named by their file picker; the picker then holds the document ids.',
      tags: ['submissions'],
      parameters: [
        {
          name: 'tenantId',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          example: 'luzern',
        },
        { name: 'serviceId', in: 'path', required: true, schema: { type: 'string' } },
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', minLength: 8, maxLength: 255 },
          description: 'same key and body: the same case again; same key, another body: 422',
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: submissionSchema },
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['submission'],
              properties: {
                submission: { type: 'string', description: 'the JSON body as text' },
              },
              additionalProperties: {
                type: 'string',
                format: 'binary',
                description:
                  'a file for the file picker of this path (e.g. plans); repeat for several; PDF, PNG or JPEG by content',
              },
            },
          },
        },
      },
      responses: {
        '201': created('Case created and its process instance started'),
        '202': created(
          'Case created; the engine is unreachable, the instance will be started later',
        ),
        '400': responses.problem,
        '404': responses.problem,
        '415': responses.problem,
        '413': responses.problem,
        '422': responses.problem,
        default: responses.problem,
      },
    },
  },
};
