/** OpenAPI paths of /api/auth (see `auth.routes.ts`). */
import { responses, type OpenApiPaths } from '../http/openapi';

const csrfHeader = {
  name: 'X-CSRF-Token',
  in: 'header',
  required: true,
  description: 'Token from GET /api/auth/csrf (a new one after login)',
  schema: { type: 'string' },
};

const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const role = { enum: ['admin', 'designer', 'clerk'] };

export const meSchema = {
  type: 'object',
  required: ['user', 'authMethod', 'currentTenantId', 'tenants', 'administers', 'session'],
  properties: {
    user: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        username: { type: 'string' },
        displayName: { type: 'string' },
        email: { type: 'string', format: 'email' },
      },
    },
    authMethod: { enum: ['password', 'oidc'] },
    currentTenantId: { type: ['string', 'null'] },
    tenants: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          roles: { type: 'array', items: role },
          groups: {
            type: 'array',
            items: { type: 'string' },
            description: 'BPMN candidate groups',
          },
        },
      },
    },
    administers: {
      description:
        "Tenants whose users and groups the staff member administers ('all' for the canton's administrators)",
      oneOf: [{ const: 'all' }, { type: 'array', items: { type: 'string' } }],
    },
    session: {
      type: 'object',
      properties: {
        loginAt: { type: 'string', format: 'date-time' },
        expiresAt: {
          type: 'string',
          format: 'date-time',
          description: 'absolute end of the session',
        },
      },
    },
  },
};

const tags = ['auth'];

export const authOpenApi: OpenApiPaths = {
  '/api/auth/csrf': {
    get: {
      summary: 'A CSRF token for state-changing requests (also starts a visitor session)',
      tags,
      responses: {
        '200': json(
          { type: 'object', properties: { csrfToken: { type: 'string' } } },
          'Send it as X-CSRF-Token; the matching cookie is set',
        ),
        default: responses.problem,
      },
    },
  },
  '/api/auth/providers': {
    get: {
      summary: 'Login methods available to staff',
      tags,
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              password: { const: true },
              oidc: {
                oneOf: [
                  { type: 'null' },
                  { type: 'object', properties: { loginUrl: { type: 'string' } } },
                ],
              },
            },
          },
          'Password login, and the OIDC login URL when configured',
        ),
        default: responses.problem,
      },
    },
  },
  '/api/auth/login': {
    post: {
      summary: 'Log in with user name (or e-mail) and password; starts a new session',
      tags,
      parameters: [csrfHeader],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['username', 'password'],
              additionalProperties: false,
              properties: {
                username: { type: 'string', maxLength: 254 },
                password: { type: 'string', maxLength: 1024 },
                tenantId: { type: 'string', description: 'tenant to start in' },
              },
            },
          },
        },
      },
      responses: {
        '200': json(
          {
            allOf: [
              meSchema,
              {
                type: 'object',
                properties: {
                  csrfToken: { type: 'string', description: 'token for the new session' },
                },
              },
            ],
          },
          'Logged in; the session cookie sp.sid is set',
        ),
        '400': responses.problem,
        '401': {
          ...responses.problem,
          description: 'Wrong user name or password (one answer for every reason)',
        },
        '403': {
          ...responses.problem,
          description: 'CSRF token missing or invalid, or foreign Origin',
        },
        '429': {
          ...responses.problem,
          description:
            'Too many failed logins for the account or from the address; see Retry-After',
          headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
        },
        default: responses.problem,
      },
    },
  },
  '/api/auth/logout': {
    post: {
      summary: 'Log out: ends this session',
      tags,
      parameters: [
        { ...csrfHeader, required: false, description: 'required when a session exists' },
      ],
      responses: {
        '204': { description: 'Logged out' },
        '403': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/auth/logout-everywhere': {
    post: {
      summary: 'Log out everywhere: ends every session of the signed-in staff member',
      tags,
      parameters: [csrfHeader],
      responses: {
        '204': { description: 'All sessions ended' },
        '401': responses.problem,
        '403': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/auth/me': {
    get: {
      summary: 'The signed-in staff member: tenants with roles and groups, current tenant',
      tags,
      responses: {
        '200': json(meSchema, 'Signed in'),
        '401': responses.problem,
        default: responses.problem,
      },
    },
  },
  '/api/auth/tenant': {
    post: {
      summary: 'Switch the current tenant',
      tags,
      parameters: [csrfHeader],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['tenantId'],
              additionalProperties: false,
              properties: { tenantId: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        '200': json(meSchema, 'Switched'),
        '400': responses.problem,
        '401': responses.problem,
        '403': { ...responses.problem, description: 'Not a member of the tenant, or CSRF failure' },
        default: responses.problem,
      },
    },
  },
  '/api/auth/oidc/login': {
    get: {
      summary:
        'Start the OIDC login (authorization code + PKCE): redirects to the identity provider',
      tags,
      parameters: [
        {
          name: 'returnTo',
          in: 'query',
          required: false,
          schema: { type: 'string', default: '/admin/' },
          description: 'path on this site to return to after login',
        },
      ],
      responses: {
        '303': { description: 'Redirect to the identity provider' },
        '404': { ...responses.problem, description: 'OIDC is not configured' },
        '503': { ...responses.problem, description: 'Identity provider unreachable' },
        default: responses.problem,
      },
    },
  },
  '/api/auth/oidc/callback': {
    get: {
      summary:
        'Redirect target of the identity provider; logs in the staff user with the proven e-mail',
      tags,
      parameters: [
        { name: 'code', in: 'query', schema: { type: 'string' } },
        { name: 'state', in: 'query', schema: { type: 'string' } },
      ],
      responses: {
        '303': {
          description: `Logged in: redirect to returnTo. Failed (unknown e-mail, state mismatch, …): redirect to /admin/#/login?error=oidc`,
        },
        '404': { ...responses.problem, description: 'OIDC is not configured' },
        default: responses.problem,
      },
    },
  },
};
