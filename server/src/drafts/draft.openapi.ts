/** OpenAPI paths of drafts (see `draft.routes.ts`). */
import { responses, type OpenApiPaths } from '../http/openapi';

const tags = ['citizens'];
const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const draft = {
  type: 'object',
  properties: {
    tenantId: { type: 'string' },
    serviceId: { type: 'string' },
    language: { enum: ['de', 'en'] },
    data: { type: 'object', additionalProperties: true },
    expiresAt: { type: 'string', format: 'date-time' },
  },
};

export const draftOpenApi: OpenApiPaths = {
  '/api/portal/drafts': {
    post: {
      summary: 'Save a start form to finish later; the resume link is mailed',
      description:
        'Keeps the data 30 days and mails a link with a secret token (only its hash is stored). Rate limited per address.',
      tags,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['tenantId', 'serviceId', 'email', 'data'],
              properties: {
                tenantId: { type: 'string' },
                serviceId: { type: 'string' },
                email: { type: 'string', format: 'email' },
                language: { enum: ['de', 'en'] },
                data: { type: 'object', additionalProperties: true },
              },
            },
          },
        },
      },
      responses: {
        '202': json(
          { type: 'object', properties: { expiresAt: { type: 'string', format: 'date-time' } } },
          'Saved, link mailed',
        ),
        '400': responses.problem,
        '404': responses.problem,
        '429': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/portal/drafts/current': {
    get: {
      summary: 'The draft of the bearer token from the mailed link',
      tags,
      responses: {
        '200': json(draft, 'The draft'),
        '404': responses.problem,
        default: responses.problem,
      },
    },
  },
};
