import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseRequest } from '../../../server/src/auth/validation';
import { ValidationError } from '../../../server/src/http/errors';
import { loginBody, oidcLoginQuery, switchTenantBody } from '../../../server/src/auth/auth.schemas';
import {
  createGroupBody,
  createUserBody,
  listGroupsQuery,
  listUsersQuery,
  updateGroupBody,
  updateUserBody,
} from '../../../server/src/staff/staff.schemas';
import { listTenantsQuery } from '../../../server/src/tenants/tenant.schemas';

type Row = [description: string, input: unknown, expected: 'ok' | string];

/** Each row: what is parsed, and 'ok' or a field the 400 answer names (as the API does). */
function table(schema: z.ZodType, rows: Row[]) {
  it.each(rows)('%s', (_description, input, expected) => {
    let error: unknown;
    try {
      parseRequest(schema, input);
    } catch (err) {
      error = err;
    }
    if (expected === 'ok') {
      expect(error).toBeUndefined();
    } else {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors!.map((e) => e.field)).toContain(expected);
    }
  });
}

const membership = { tenantId: 'luzern', roles: ['clerk'], groups: ['einwohnerkontrolle'] };
const newUser = {
  username: 'a.b',
  email: 'a@b.example',
  displayName: 'A B',
  memberships: [membership],
};

describe('loginBody', () => {
  table(loginBody, [
    ['user name and password', { username: 'luzern.clerk', password: 'x' }, 'ok'],
    [
      'e-mail and password with a tenant',
      { username: 'A@B.example', password: 'x', tenantId: 'luzern' },
      'ok',
    ],
    ['no user name', { password: 'x' }, 'username'],
    ['blank user name', { username: '   ', password: 'x' }, 'username'],
    ['empty password', { username: 'a', password: '' }, 'password'],
    ['a password of 2 KB', { username: 'a', password: 'x'.repeat(2000) }, 'password'],
    ['a malformed tenant', { username: 'a', password: 'x', tenantId: 'Luzern!' }, 'tenantId'],
    ['an unknown field', { username: 'a', password: 'x', remember: true }, 'remember'],
    ['not an object', 'luzern.clerk:secret', ''],
  ]);

  it('trims the user name but not the password', () => {
    expect(loginBody.parse({ username: ' a ', password: ' x ' })).toEqual({
      username: 'a',
      password: ' x ',
    });
  });
});

describe('switchTenantBody', () => {
  table(switchTenantBody, [
    ['a tenant', { tenantId: 'eschenbach' }, 'ok'],
    ['a hyphenated tenant', { tenantId: 'hergiswil-bei-willisau' }, 'ok'],
    ['no tenant', {}, 'tenantId'],
    ['an upper-case tenant', { tenantId: 'LUZERN' }, 'tenantId'],
    ['a tenant id of 32 characters', { tenantId: 'a'.repeat(32) }, 'tenantId'],
  ]);
});

describe('oidcLoginQuery', () => {
  table(oidcLoginQuery, [
    ['nothing (defaults to /admin/)', {}, 'ok'],
    ['a path', { returnTo: '/admin/#/tasks?x=1' }, 'ok'],
    ['another site', { returnTo: 'https://evil.example/' }, 'returnTo'],
    ['a protocol-relative URL', { returnTo: '//evil.example' }, 'returnTo'],
    ['a backslash trick', { returnTo: '/\\evil.example' }, 'returnTo'],
    ['an unknown parameter', { returnTo: '/', next: '/' }, 'next'],
  ]);

  it('defaults to the back office', () => {
    expect(oidcLoginQuery.parse({})).toEqual({ returnTo: '/admin/' });
  });
});

describe('createUserBody', () => {
  table(createUserBody, [
    ['a user with a membership', newUser, 'ok'],
    ['with a password', { ...newUser, password: 'twelve chars' }, 'ok'],
    ['an empty password counts as none', { ...newUser, password: '' }, 'ok'],
    ['a short password', { ...newUser, password: 'short' }, 'password'],
    ['a user name with a space', { ...newUser, username: 'a b' }, 'username'],
    ['a one-letter user name', { ...newUser, username: 'a' }, 'username'],
    ['a malformed e-mail', { ...newUser, email: 'not-an-address' }, 'email'],
    ['no display name', { ...newUser, displayName: '' }, 'displayName'],
    ['no membership', { ...newUser, memberships: [] }, 'memberships'],
    [
      'a membership without roles',
      { ...newUser, memberships: [{ tenantId: 'luzern', roles: [] }] },
      'memberships.0.roles',
    ],
    [
      'an unknown role',
      { ...newUser, memberships: [{ tenantId: 'luzern', roles: ['boss'] }] },
      'memberships.0.roles.0',
    ],
    [
      'a malformed group key',
      { ...newUser, memberships: [{ ...membership, groups: ['Bau Amt'] }] },
      'memberships.0.groups.0',
    ],
    ['a tenant twice', { ...newUser, memberships: [membership, membership] }, 'memberships'],
    ['an unknown field', { ...newUser, isAdmin: true }, 'isAdmin'],
  ]);

  it('normalises user name and e-mail and removes duplicate roles and groups', () => {
    const parsed = createUserBody.parse({
      ...newUser,
      username: ' A.B ',
      email: ' A@B.Example ',
      memberships: [{ tenantId: 'luzern', roles: ['clerk', 'clerk'], groups: ['x', 'x'] }],
    });
    expect(parsed).toMatchObject({
      username: 'a.b',
      email: 'a@b.example',
      active: true,
      memberships: [{ tenantId: 'luzern', roles: ['clerk'], groups: ['x'] }],
    });
  });
});

describe('updateUserBody', () => {
  table(updateUserBody, [
    ['nothing', {}, 'ok'],
    [
      'a whole react-admin record',
      { id: 'x', ...newUser, passwordSet: true, createdAt: '2026-01-01' },
      'ok',
    ],
    ['an empty password (unchanged)', { password: '' }, 'ok'],
    ['a null password (unchanged)', { password: null }, 'ok'],
    ['deactivation', { active: false }, 'ok'],
    ['no memberships in the own tenants', { memberships: [] }, 'ok'],
    ['a short password', { password: 'short' }, 'password'],
    ['active as a string', { active: 'no' }, 'active'],
  ]);
});

describe('group bodies', () => {
  describe('createGroupBody', () => {
    table(createGroupBody, [
      [
        'a group',
        { tenantId: 'luzern', key: 'einwohnerkontrolle', name: 'Einwohnerkontrolle' },
        'ok',
      ],
      [
        'a key with dots and digits',
        { tenantId: 'luzern', key: 'bau.2', name: 'Bau 2', description: 'x' },
        'ok',
      ],
      ['an upper-case key', { tenantId: 'luzern', key: 'Bau', name: 'Bau' }, 'key'],
      ['a key of 65 characters', { tenantId: 'luzern', key: 'a'.repeat(65), name: 'x' }, 'key'],
      ['no name', { tenantId: 'luzern', key: 'bau' }, 'name'],
      ['members', { tenantId: 'luzern', key: 'bau', name: 'Bau', memberIds: [] }, 'memberIds'],
    ]);
  });

  describe('updateGroupBody', () => {
    table(updateGroupBody, [
      ['a new name', { name: 'Bauamt' }, 'ok'],
      [
        'a whole record (key and tenant are ignored)',
        { id: 'luzern:bau', key: 'other', tenantId: 'x', name: 'B' },
        'ok',
      ],
      ['no description', { description: null }, 'ok'],
      ['an empty name', { name: ' ' }, 'name'],
    ]);
  });
});

describe('list queries (ra-data-simple-rest)', () => {
  describe('listUsersQuery', () => {
    table(listUsersQuery, [
      ['nothing', {}, 'ok'],
      [
        'sort, range and filter',
        { sort: '["username","DESC"]', range: '[0,24]', filter: '{"q":"x","active":true}' },
        'ok',
      ],
      ['getMany', { filter: '{"id":["7f1c5a52-5d3e-4a8b-9c43-2f1d6e8a9b01"]}' }, 'ok'],
      ['one id', { filter: '{"id":"7f1c5a52-5d3e-4a8b-9c43-2f1d6e8a9b01"}' }, 'ok'],
      ['an unknown sort field', { sort: '["passwordHash","ASC"]' }, 'sort.0'],
      ['a lower-case order', { sort: '["username","asc"]' }, 'sort.1'],
      ['a reversed range', { range: '[10,0]' }, 'range'],
      ['a range of 1001 items', { range: '[0,1000]' }, 'range'],
      ['a negative range', { range: '[-1,5]' }, 'range.0'],
      ['malformed JSON', { filter: '{q:' }, 'filter'],
      ['an unknown filter', { filter: '{"password":"x"}' }, 'filter.password'],
      ['a malformed id', { filter: '{"id":["1"]}' }, 'filter.id.0'],
      ['an unknown parameter', { _end: '10' }, '_end'],
    ]);

    it('parses the JSON parameters', () => {
      expect(
        listUsersQuery.parse({
          sort: '["email","DESC"]',
          range: '[5,9]',
          filter: '{"role":"admin"}',
        }),
      ).toEqual({
        sort: ['email', 'DESC'],
        range: [5, 9],
        filter: { role: 'admin' },
      });
    });
  });

  describe('listGroupsQuery', () => {
    table(listGroupsQuery, [
      ['sort by name', { sort: '["name","ASC"]' }, 'ok'],
      ['getMany', { filter: '{"id":["luzern:einwohnerkontrolle"]}' }, 'ok'],
      ['a malformed id', { filter: '{"id":["einwohnerkontrolle"]}' }, 'filter.id.0'],
      ['sort by members', { sort: '["memberIds","ASC"]' }, 'sort.0'],
    ]);
  });
});

describe('listTenantsQuery', () => {
  table(listTenantsQuery, [
    ['nothing', {}, 'ok'],
    ['municipalities', { kind: 'municipality' }, 'ok'],
    ['the canton', { kind: 'canton' }, 'ok'],
    ['an unknown kind', { kind: 'city' }, 'kind'],
    ['an unknown parameter', { q: 'lu' }, 'q'],
  ]);
});
