/**
 * Stage 3: the decision requirements graph as Zeebe records it — the `definitions` id and name
 * and each decision's id and name — with its executable model (readDecisionLogic.ts). Zeebe has no message of its own when one of them is missing
 * (its record writer fails with a NullPointerException text); these are ours, worded like its
 * form check ("Expected the form id to be present, but none given").
 */
import type { ParsedDecision, DmnTransformResult } from '../types';
import { stringOf, type DmnElement } from '../parse/parseDmn';
import { readExecutableDrg } from './readDecisionLogic';

export function readDrg(definitions: DmnElement, drgElements: DmnElement[]): DmnTransformResult {
  const id = present(stringOf(definitions, 'id'));
  if (id === undefined)
    return failure('Expected the decision requirements id to be present, but none given');
  const name = present(stringOf(definitions, 'name'));
  if (name === undefined) {
    return failure('Expected the decision requirements name to be present, but none given');
  }
  const decisions: ParsedDecision[] = [];
  for (const element of drgElements) {
    if (element.$type !== 'dmn:Decision') continue;
    const decisionId = present(stringOf(element, 'id'));
    if (decisionId === undefined)
      return failure('Expected the decision id to be present, but none given');
    const decisionName = present(stringOf(element, 'name'));
    if (decisionName === undefined) {
      return failure(
        `Expected the name of the decision '${decisionId}' to be present, but none given`,
      );
    }
    decisions.push({ id: decisionId, name: decisionName });
  }
  const namespace = stringOf(definitions, 'namespace') ?? '';
  const executable = readExecutableDrg(id, name, drgElements);
  return { ok: true, drg: { id, name, namespace, decisions, executable } };
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function failure(message: string): DmnTransformResult {
  return { ok: false, failure: message };
}
