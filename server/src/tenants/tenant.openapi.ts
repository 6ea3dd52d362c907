/** OpenAPI paths of /api/tenants (see `tenant.routes.ts`). */
import { responses, type OpenApiPaths } from '../http/openapi';

const tenant = {
  type: 'object',
  required: ['id', 'kind', 'name', 'bfsNumber', 'district'],
  properties: {
    id: {
      type: 'string',
      description: 'tenant id (also the Zeebe tenant id)',
      example: 'eschenbach',
    },
    kind: { enum: ['canton', 'municipality'] },
    name: { type: 'string', description: 'official name', example: 'Eschenbach (LU)' },
    bfsNumber: {
      type: ['integer', 'null'],
      description: 'BFS municipality number; null for the canton',
      example: 1026,
    },
    district: { type: ['string', 'null'], description: 'Wahlkreis', example: 'Hochdorf' },
  },
};

export const tenantOpenApi: OpenApiPaths = {
  '/api/tenants': {
    get: {
      summary: 'The canton and its municipalities (public), the canton first, then by name',
      tags: ['tenants'],
      parameters: [
        {
          name: 'kind',
          in: 'query',
          required: false,
          schema: { enum: ['canton', 'municipality'] },
        },
      ],
      responses: {
        '200': {
          description: 'Active tenants',
          content: { 'application/json': { schema: { type: 'array', items: tenant } } },
        },
        '400': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/tenants/{id}': {
    get: {
      summary: 'One tenant (public)',
      tags: ['tenants'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'The tenant', content: { 'application/json': { schema: tenant } } },
        '404': responses.problem,
        default: responses.problem,
      },
    },
  },
};
