/**
 * Requirements between DRG elements (`requiredDecision`, `requiredKnowledge` with an `href`) and
 * DmnParser's check for cyclic dependencies, which runs before anything else is parsed.
 */
import { childOf, childrenOf, stringOf, type DmnElement } from '../parse/parseDmn';

/** The id an `href="#id"` points to within the same model; undefined for imported elements. */
export function embeddedId(reference: DmnElement | undefined): string | undefined {
  const href = stringOf(reference, 'href');
  if (href === undefined) return undefined;
  const index = Math.max(href.indexOf('#'), 0);
  return index === 0 ? href.slice(index + 1) : undefined;
}

/** DmnParser.checkForCyclicDependencies */
export function cyclicDependencies(drgElements: DmnElement[]): string | undefined {
  const decisions = dependencies(
    drgElements,
    'dmn:Decision',
    'informationRequirement',
    'requiredDecision',
  );
  if (hasCycle(decisions)) {
    return 'Invalid DMN model: Cyclic dependencies between decisions detected.';
  }
  const bkms = dependencies(
    drgElements,
    'dmn:BusinessKnowledgeModel',
    'knowledgeRequirement',
    'requiredKnowledge',
  );
  if (hasCycle(bkms)) return 'Invalid DMN model: Cyclic dependencies between BKMs detected.';
  return undefined;
}

function dependencies(
  drgElements: DmnElement[],
  type: string,
  requirementProperty: string,
  referenceProperty: string,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const element of drgElements) {
    const id = stringOf(element, 'id');
    if (element.$type !== type || id === undefined) continue;
    const required = childrenOf(element, requirementProperty)
      .map((requirement) => embeddedId(childOf(requirement, referenceProperty)))
      .filter((requiredId): requiredId is string => requiredId !== undefined);
    result.set(id, required);
  }
  return result;
}

function hasCycle(graph: Map<string, string[]>): boolean {
  const done = new Set<string>();
  const onPath = new Set<string>();
  const visit = (id: string): boolean => {
    if (onPath.has(id)) return true;
    if (done.has(id)) return false;
    onPath.add(id);
    const cyclic = (graph.get(id) ?? []).some(visit);
    onPath.delete(id);
    done.add(id);
    return cyclic;
  };
  return [...graph.keys()].some(visit);
}
