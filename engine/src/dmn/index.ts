/**
 * DMN → decision requirements graph, in the stages of Zeebe's DmnResourceTransformer (which
 * lets dmn-scala parse the resource): read the XML (dmn-moddle), check the decision logic as
 * dmn-scala's DmnParser does (cycles, FEEL syntax, expression language), read ids and names.
 * Never throws; a problem is Zeebe's failure text without the resource name.
 *
 *   parse/     XML → dmn-moddle objects; unreadable XML or an unknown namespace → one failure
 *   validate/  DecisionLogicChecker (dmn-scala's checks), references (cycles), readDrg,
 *              readDecisionLogic (the executable model)
 *   evaluate/  evaluateDecision: a decision of an executable DRG with variables → result + audit
 */
import { childrenOf, parseDmn } from './parse/parseDmn';
import type { DmnTransformResult } from './types';
import { DecisionLogicChecker } from './validate/DecisionLogicChecker';
import { readDrg } from './validate/readDrg';
import { cyclicDependencies } from './validate/references';

export type * from './types';
export type * from './evaluate/types';
export { evaluateDecision } from './evaluate/evaluateDecision';

export async function transformDmn(xml: string): Promise<DmnTransformResult> {
  try {
    const parsed = await parseDmn(xml);
    if (!parsed.ok) return parsed;
    const drgElements = childrenOf(parsed.definitions, 'drgElement');
    const cycle = cyclicDependencies(drgElements);
    if (cycle !== undefined) return { ok: false, failure: cycle };
    const failures = new DecisionLogicChecker(drgElements).check(drgElements);
    if (failures.length > 0) return { ok: false, failure: failures.join('\n') };
    return readDrg(parsed.definitions, drgElements);
  } catch (error) {
    // a bug, not a model problem; Zeebe's DeploymentTransformer reports any exception's message
    return { ok: false, failure: error instanceof Error ? error.message : String(error) };
  }
}
