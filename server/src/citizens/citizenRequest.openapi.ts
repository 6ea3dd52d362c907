/** OpenAPI paths of the citizen's answers to requests (see `citizenRequest.routes.ts`). */
import { responses, type OpenApiPaths } from '../http/openapi';
import { citizenCase } from './citizen.openapi';

const tags = ['citizens'];
const parameters = [
  { name: 'reference', in: 'path', required: true, schema: { type: 'string' } },
  { name: 'requestId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
  {
    name: 'Authorization',
    in: 'header',
    required: true,
    schema: { type: 'string' },
    description: 'Bearer <tracking token> or Bearer <my-cases session token>',
  },
];
const text = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
const problems = {
  '400': responses.problem,
  '401': responses.problem,
  '404': responses.problem,
  default: responses.problem,
};

export const citizenRequestOpenApi: OpenApiPaths = {
  '/api/portal/cases/{reference}/requests/{requestId}': {
    get: {
      summary: 'An open request of the office to the citizen, with its form',
      tags,
      parameters,
      responses: {
        '200': {
          description: 'The request',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  title: text,
                  acceptsDocuments: { type: 'boolean' },
                  form: {
                    type: ['object', 'null'],
                    properties: { id: { type: 'string' }, schema: { type: 'object' } },
                  },
                  variables: { type: 'object' },
                },
              },
            },
          },
        },
        ...problems,
      },
    },
    post: {
      summary: "Answer the request; completes the office's waiting task",
      tags,
      parameters,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', properties: { data: { type: 'object' } } },
          },
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: { type: 'string', format: 'binary' },
                data: { type: 'string', description: "the form's data as a JSON object" },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'The case as the citizen now sees it',
          content: { 'application/json': { schema: citizenCase } },
        },
        '409': responses.problem,
        '413': responses.problem,
        '422': responses.problem,
        ...problems,
      },
    },
  },
};
