import { responses, type OpenApiPaths } from '../http/openapi';

const key = { type: 'string', pattern: '^\\d{1,19}$' };
const query = (name: string, schema: Record<string, unknown>) => ({
  name,
  in: 'query',
  required: false,
  schema,
});
const pathKey = (name = 'key') => ({ name, in: 'path', required: true, schema: key });
const pageParams = [
  query('size', { type: 'integer', minimum: 1, maximum: 1000, default: 50 }),
  query('after', key),
];

const owner = {
  type: 'object',
  description: 'The tenant the instance belongs to: its case’s, else the engine’s or the canton',
  properties: {
    tenantId: { type: 'string' },
    caseId: { type: ['string', 'null'] },
    caseReference: { type: ['string', 'null'] },
  },
};
const instance = {
  type: 'object',
  properties: {
    key,
    processDefinitionKey: key,
    bpmnProcessId: { type: 'string' },
    processVersion: { type: 'integer' },
    state: { enum: ['ACTIVE', 'INCIDENT', 'COMPLETED', 'CANCELED'] },
    startDate: { type: 'string', format: 'date-time' },
    endDate: { type: ['string', 'null'], format: 'date-time' },
    tenantId: { type: 'string' },
    parentKey: { type: ['string', 'null'] },
  },
};
const incident = {
  type: 'object',
  properties: {
    key,
    processInstanceKey: key,
    processDefinitionKey: key,
    type: { type: 'string' },
    message: { type: 'string' },
    state: { enum: ['ACTIVE', 'RESOLVED'] },
    flowNodeId: { type: ['string', 'null'] },
    flowNodeInstanceKey: { type: ['string', 'null'] },
    jobKey: { type: ['string', 'null'] },
    creationTime: { type: 'string', format: 'date-time' },
    tenantId: { type: 'string' },
  },
};
const keysetPage = (item: Record<string, unknown>) => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: { allOf: [item, { type: 'object', properties: { owner } }] } },
    next: { type: ['string', 'null'] },
  },
});
const json = (description: string, schema: Record<string, unknown>) => ({
  description,
  content: { 'application/json': { schema } },
});
const failures = {
  '400': responses.problem,
  '401': responses.problem,
  '403': responses.problem,
  '503': responses.problem,
};
const tags = ['operations'];

export const monitoringOpenApi: OpenApiPaths = {
  '/api/monitoring/process-instances': {
    get: {
      summary: 'Process instances of the tenants the caller operates, newest first (keyset page)',
      tags,
      parameters: [
        ...pageParams,
        query('bpmnProcessId', { type: 'string' }),
        query('processDefinitionKey', key),
        query('state', { enum: ['ACTIVE', 'INCIDENT', 'COMPLETED', 'CANCELED'] }),
        query('tenantId', { type: 'string' }),
      ],
      responses: { '200': json('One page of instances', keysetPage(instance)), ...failures },
    },
  },
  '/api/monitoring/process-instances/{key}': {
    get: {
      summary: 'One instance with flow node instances, variables and incidents (audited)',
      tags,
      parameters: [pathKey()],
      responses: {
        '200': json('The instance', {
          type: 'object',
          properties: {
            instance,
            flowNodeInstances: { type: 'array', items: { type: 'object' } },
            variables: { type: 'array', items: { type: 'object' } },
            incidents: { type: 'array', items: incident },
            owner,
            canOperate: { type: 'boolean' },
          },
        }),
        '404': responses.problem,
        ...failures,
      },
    },
  },
  '/api/monitoring/incidents': {
    get: {
      summary: 'Incidents of the tenants the caller operates, newest first (keyset page)',
      tags,
      parameters: [
        ...pageParams,
        query('state', { enum: ['ACTIVE', 'RESOLVED'] }),
        query('processInstanceKey', key),
        query('processDefinitionKey', key),
        query('type', { type: 'string' }),
        query('tenantId', { type: 'string' }),
      ],
      responses: { '200': json('One page of incidents', keysetPage(incident)), ...failures },
    },
  },
  '/api/monitoring/process-definitions/{key}/xml': {
    get: {
      summary: 'A deployed process definition with its BPMN XML',
      tags,
      parameters: [pathKey()],
      responses: {
        '200': json('The definition', {
          type: 'object',
          properties: {
            key,
            bpmnProcessId: { type: 'string' },
            version: { type: 'integer' },
            tenantId: { type: 'string' },
            bpmnXml: { type: 'string' },
          },
        }),
        '404': responses.problem,
        ...failures,
      },
    },
  },
  '/api/monitoring/process-definitions/{key}/statistics': {
    get: {
      summary: 'Per-element counts over all instances of a definition (the heatmap)',
      tags,
      parameters: [pathKey()],
      responses: {
        '200': json('Counts by element', {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  activityId: { type: 'string' },
                  active: { type: 'integer' },
                  canceled: { type: 'integer' },
                  incidents: { type: 'integer' },
                  completed: { type: 'integer' },
                },
              },
            },
            complete: { type: 'boolean' },
          },
        }),
        '404': responses.problem,
        ...failures,
      },
    },
  },
};
