/**
 * The form validator with what a form is shown with: a start form's custom error texts in the
 * caller's language (`i18n/en.json`, attached by the catalog loader), and a task form's
 * conditions over the task's variables (form-js evaluates them over variables and data).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormSchema } from '../../../server/src/services/catalog.loader';
import { loadService } from '../../../server/src/services/catalog.loader';
import { validateFormData } from '../../../server/src/services/formValidator';
import { WORKFLOWS_DIR } from '../../workflows/workflowFiles';

const loaded = loadService(path.join(WORKFLOWS_DIR, 'parking-permit'), 'parking-permit');
if (!loaded.ok) throw new Error(loaded.problem);
const startForm = loaded.service.startForm!;

const decisionForm = JSON.parse(
  fs.readFileSync(
    path.join(WORKFLOWS_DIR, 'building-permit', 'building-permit-decision.form'),
    'utf8',
  ),
) as FormSchema;

describe('custom pattern messages', () => {
  it.each([
    ['de-CH', 'Schweizer Kontrollschild: Kantonskürzel und Nummer, z. B. LU 123456'],
    ['en', 'Swiss licence plate: canton code and number, e.g. LU 123456'],
  ] as const)('are in the caller’s language (%s)', (locale, message) => {
    const result = validateFormData(startForm, { licencePlate: 'XY 12' }, locale);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContainEqual({ field: 'licencePlate', message });
  });
});

describe('conditions over the task’s variables', () => {
  const decision = {
    decision: 'approve',
    reasoning: 'Zonenkonform.',
    permitFee: 500,
  };
  const objections = [{ name: 'Beat Nachbar', email: 'beat@example.ch' }];

  it.each([
    ['with objections: the ruling is asked for', { objections }, {}, false, 'objectionRuling'],
    [
      'with objections: the ruling is kept',
      { objections },
      { objectionRuling: 'Abgewiesen.' },
      true,
      'Abgewiesen.',
    ],
    [
      'without objections: the ruling is hidden and dropped',
      {},
      { objectionRuling: 'x' },
      true,
      undefined,
    ],
  ])('%s', (_, variables, extra, ok, expected) => {
    const result = validateFormData(decisionForm, { ...decision, ...extra }, 'de-CH', variables);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.data.objectionRuling).toBe(expected);
    else expect(result.errors.map((error) => error.field)).toEqual([expected]);
  });
});
