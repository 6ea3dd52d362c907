/** OpenAPI paths of the service catalog (see `service.routes.ts`). */
import { parameters, responses, type OpenApiPaths } from '../http/openapi';
import { ADOPTION_SORT_FIELDS } from './adoption.schemas';

const text = {
  type: 'object',
  required: ['de', 'en'],
  properties: { de: { type: 'string' }, en: { type: 'string' } },
};

const lifeSituation = {
  type: 'object',
  properties: { id: { type: 'string', example: 'haustiere' }, label: text },
};

const portalService = {
  type: 'object',
  properties: {
    id: { type: 'string', example: 'dog-registration' },
    tenantId: {
      type: 'string',
      description:
        'the tenant that runs it and receives the submission (the canton for cantonal services)',
    },
    title: text,
    description: text,
    notice: { oneOf: [text, { type: 'null' }] },
    lifeSituation,
    authority: { enum: ['canton', 'municipality'] },
    fee: {
      type: ['object', 'null'],
      properties: {
        amountCents: { type: 'integer' },
        currency: { const: 'CHF' },
        kind: { type: ['string', 'null'], description: 'free, fixed, from or yearly' },
        note: { oneOf: [text, { type: 'null' }] },
      },
    },
    expectedDurationDays: { type: ['integer', 'null'] },
    contact: {
      type: 'object',
      properties: { email: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] } },
    },
  },
};

const adoption = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    tenantId: { type: 'string' },
    serviceId: { type: 'string' },
    enabled: { type: 'boolean' },
    feeCents: { type: ['integer', 'null'], description: "CHF in Rappen; null: the manifest's fee" },
    responsibleGroup: { type: ['string', 'null'], description: 'group key (BPMN candidate group)' },
    contactEmail: { type: ['string', 'null'], format: 'email' },
    contactPhone: { type: ['string', 'null'] },
    texts: {
      type: 'object',
      description: 'overrides of the manifest texts',
      properties: Object.fromEntries(
        ['de', 'en'].map((lang) => [
          lang,
          {
            type: 'object',
            properties: {
              title: { type: 'string' },
              description: { type: 'string' },
              notice: { type: 'string' },
            },
          },
        ]),
      ),
    },
    parameters: {
      type: 'object',
      additionalProperties: { type: ['number', 'string', 'boolean'] },
      description: "values of the manifest's parameters; the process reads them as params.<name>",
    },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const json = (schema: unknown, description: string, headers?: unknown) => ({
  description,
  content: { 'application/json': { schema } },
  ...(headers ? { headers } : {}),
});

const tags = ['service catalog'];
const adminTags = ['service catalog administration'];
const csrf = parameters.csrf;
const idPath = parameters.uuidId;
const tenantPath = {
  name: 'tenantId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: 'luzern',
};
const servicePath = {
  name: 'serviceId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: 'dog-registration',
};
const adminErrors = {
  '401': responses.problem,
  '403': responses.problem,
  default: responses.problem,
};

export const serviceOpenApi: OpenApiPaths = {
  '/api/portal/tenants/{tenantId}/services': {
    get: {
      summary: 'The services a citizen of the tenant can use, grouped by life situation (public)',
      tags,
      parameters: [tenantPath],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              tenantId: { type: 'string' },
              lifeSituations: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { lifeSituation, services: { type: 'array', items: portalService } },
                },
              },
            },
          },
          'Enabled services of the tenant (and, for municipalities, the canton’s cantonal services)',
        ),
        '404': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/portal/tenants/{tenantId}/services/{serviceId}': {
    get: {
      summary: 'One service the tenant offers, with its start form (public)',
      tags,
      parameters: [tenantPath, servicePath],
      responses: {
        '200': json(
          {
            allOf: [
              portalService,
              {
                type: 'object',
                properties: {
                  startForm: {
                    type: ['object', 'null'],
                    description: 'form-js schema (Camunda Forms JSON) to render and submit',
                  },
                  startFormTexts: {
                    type: 'object',
                    description:
                      'translations of the form by language and component id (label, description, text, values, …)',
                  },
                },
              },
            ],
          },
          'The service',
        ),
        '404': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/admin/services': {
    get: {
      summary:
        'The loaded service catalog and the folders that could not be loaded (administrators)',
      tags: adminTags,
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              services: { type: 'array', items: { type: 'object' } },
              problems: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { folder: { type: 'string' }, problem: { type: 'string' } },
                },
              },
            },
          },
          'Catalog',
        ),
        ...adminErrors,
      },
    },
  },
  '/api/admin/service-adoptions': {
    get: {
      summary: 'Adoptions of the tenants the caller administers (ra-data-simple-rest list)',
      tags: adminTags,
      parameters: [
        {
          name: 'sort',
          in: 'query',
          schema: { type: 'string' },
          example: '["serviceId","ASC"]',
          description: `JSON [field, "ASC"|"DESC"]; fields: ${ADOPTION_SORT_FIELDS.join(', ')}`,
        },
        { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]' },
        {
          name: 'filter',
          in: 'query',
          schema: { type: 'string' },
          example: '{"tenantId":"luzern"}',
          description: 'JSON object: tenantId, serviceId, enabled, id (one or a list)',
        },
      ],
      responses: {
        '200': json({ type: 'array', items: adoption }, 'A page', {
          'Content-Range': {
            schema: { type: 'string' },
            description: 'e.g. "service-adoptions 0-24/31"',
          },
        }),
        '400': responses.problem,
        ...adminErrors,
      },
    },
    post: {
      summary: 'Adopt a service for a tenant',
      tags: adminTags,
      parameters: [csrf],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { ...adoption, required: ['tenantId', 'serviceId'] },
          },
        },
      },
      responses: {
        '201': json(adoption, 'Created'),
        '400': responses.problem,
        '409': responses.problem,
        ...adminErrors,
      },
    },
  },
  '/api/admin/service-adoptions/{id}': {
    get: {
      summary: 'One adoption',
      tags: adminTags,
      parameters: [idPath],
      responses: {
        '200': json(adoption, 'The adoption'),
        '404': responses.problem,
        ...adminErrors,
      },
    },
    put: {
      summary: 'Change an adoption (absent fields unchanged; tenant and service fixed)',
      tags: adminTags,
      parameters: [idPath, csrf],
      requestBody: { required: true, content: { 'application/json': { schema: adoption } } },
      responses: {
        '200': json(adoption, 'Changed'),
        '400': responses.problem,
        '404': responses.problem,
        ...adminErrors,
      },
    },
    delete: {
      summary: 'Withdraw an adoption',
      tags: adminTags,
      parameters: [idPath, csrf],
      responses: { '200': json(adoption, 'Deleted'), '404': responses.problem, ...adminErrors },
    },
  },
};
