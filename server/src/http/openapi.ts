/**
 * The OpenAPI 3.1 document. Each domain contributes its paths next to its routes
 * (`<domain>.openapi.ts`); a test checks that every route Express has registered is described
 * here, so the document stays true.
 */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

const problemResponse = {
  description: 'Problem details (RFC 9457), title translated by Accept-Language',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

export const responses = { problem: problemResponse } as const;

/** Parameters that paths of several domains share. */
export const parameters = {
  /** The CSRF token a state-changing staff request sends. */
  csrf: {
    name: 'X-CSRF-Token',
    in: 'header',
    required: true,
    schema: { type: 'string' },
    description: 'Token from GET /api/auth/csrf',
  },
  /** A uuid `id` in the path. */
  uuidId: {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  },
};

export function buildOpenApiDocument(paths: OpenApiPaths[], version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Serviceportal API',
      version,
      description:
        'Service portal and case-processing back office of the Canton of Lucerne and its municipalities.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    paths: Object.assign({}, ...paths) as OpenApiPaths,
    components: {
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            requestId: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
