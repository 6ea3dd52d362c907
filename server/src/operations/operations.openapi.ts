import { responses, type OpenApiPaths } from '../http/openapi';

const key = { type: 'string', pattern: '^\\d{1,19}$' };
const done = { description: 'The engine accepted the command' };
const failures = {
  '400': responses.problem,
  '401': responses.problem,
  '403': responses.problem,
  '404': responses.problem,
  '409': responses.problem,
  '503': responses.problem,
};

export const operationsOpenApi: OpenApiPaths = {
  '/api/operations/process-instances/{key}/incidents/{incidentKey}/retry': {
    post: {
      summary: 'Retry an incident: give its job retries, then resolve it (audited)',
      tags: ['operations'],
      parameters: [
        { name: 'key', in: 'path', required: true, schema: key },
        { name: 'incidentKey', in: 'path', required: true, schema: key },
      ],
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: { retries: { type: 'integer', minimum: 1, maximum: 100, default: 1 } },
            },
          },
        },
      },
      responses: { '204': done, ...failures },
    },
  },
  '/api/operations/process-instances/{key}/cancel': {
    post: {
      summary: 'Cancel a running process instance (audited)',
      tags: ['operations'],
      parameters: [{ name: 'key', in: 'path', required: true, schema: key }],
      responses: { '204': done, ...failures },
    },
  },
};
