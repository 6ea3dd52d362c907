import { responses, type OpenApiPaths } from '../http/openapi';

const text = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
const rows = (properties: Record<string, unknown>) => ({
  type: 'array',
  items: { type: 'object', properties },
});

export const dashboardOpenApi: OpenApiPaths = {
  '/api/dashboard': {
    get: {
      summary: 'Cases per service and week, median lead time, open and overdue tasks per group',
      tags: ['dashboard'],
      parameters: [
        { name: 'tenantId', in: 'query', required: false, schema: { type: 'string' } },
        {
          name: 'weeks',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: 52, default: 12 },
        },
      ],
      responses: {
        '200': {
          description: 'The charts of the tenant',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  tenantId: { type: 'string' },
                  from: { type: 'string', format: 'date-time' },
                  weeks: { type: 'integer' },
                  casesPerWeek: rows({
                    week: { type: 'string', format: 'date' },
                    serviceId: { type: 'string' },
                    serviceTitle: text,
                    cases: { type: 'integer' },
                  }),
                  leadTime: rows({
                    serviceId: { type: 'string' },
                    serviceTitle: text,
                    medianDays: { type: 'number' },
                    decidedCases: { type: 'integer' },
                  }),
                  openTasksByGroup: rows({
                    group: { type: 'string' },
                    groupName: { type: 'string' },
                    open: { type: 'integer' },
                  }),
                  overdueTasksByGroup: rows({
                    group: { type: 'string' },
                    groupName: { type: 'string' },
                    overdue: { type: 'integer' },
                  }),
                },
              },
            },
          },
        },
        '400': responses.problem,
        '401': responses.problem,
        '404': responses.problem,
      },
    },
  },
};
