import { describe, expect, it } from 'vitest';
import { deployBody, saveDraftBody } from '../../../server/src/processes/process.schemas';

const file = { name: 'order.bpmn', content: '<xml/>' };

describe('process library requests', () => {
  it.each([
    { body: { revision: 0, resources: [file] }, ok: true },
    { body: { revision: 3, resources: [file, { name: 'a-b_c.form', content: '{}' }] }, ok: true },
    { body: { revision: -1, resources: [file] }, ok: false },
    { body: { revision: 1.5, resources: [file] }, ok: false },
    { body: { revision: 0, resources: [] }, ok: false },
    { body: { revision: 0, resources: [file, file] }, ok: false },
    { body: { revision: 0, resources: [{ name: '../x.bpmn', content: '' }] }, ok: false },
    { body: { revision: 0, resources: [{ name: 'x.js', content: '' }] }, ok: false },
    { body: { revision: 0, resources: [{ ...file, kind: 'process' }] }, ok: false },
    { body: { revision: 0, resources: [file], extra: true }, ok: false },
  ])('save draft $body → $ok', ({ body, ok }) => {
    expect(saveDraftBody.safeParse(body).success).toBe(ok);
  });

  it.each([
    { body: { comment: 'Aufgabe umbenannt', revision: 1 }, ok: true },
    { body: { comment: 'x', revision: 2, overwrite: true }, ok: true },
    { body: { comment: '   ', revision: 1 }, ok: false },
    { body: { comment: 'x'.repeat(501), revision: 1 }, ok: false },
    { body: { comment: 'x', revision: 0 }, ok: false },
    { body: { revision: 1 }, ok: false },
    { body: { comment: 'x', revision: 1, overwrite: 'yes' }, ok: false },
  ])('deploy $body → $ok', ({ body, ok }) => {
    expect(deployBody.safeParse(body).success).toBe(ok);
  });
});
