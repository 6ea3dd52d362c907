/**
 * Stage 3b: the executable model of a checked DRG — what dmn-scala's DmnParser keeps of each
 * decision (ParsedDecision: id, name, result name, required decisions, logic) for evaluation.
 * Runs after DecisionLogicChecker, so every FEEL text here has parsed.
 */
import type {
  Aggregation,
  DecisionLogic,
  DecisionTableLogic,
  ExecutableDecision,
  ExecutableDrg,
  HitPolicy,
} from '../types';
import { childOf, childrenOf, stringOf, type DmnElement } from '../parse/parseDmn';
import { embeddedId } from './references';

const HIT_POLICIES = new Set<string>([
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
]);
const AGGREGATIONS = new Set<string>(['SUM', 'MIN', 'MAX', 'COUNT']);

export function readExecutableDrg(
  id: string,
  name: string,
  drgElements: DmnElement[],
): ExecutableDrg {
  const decisions = new Map<string, ExecutableDecision>();
  for (const element of drgElements) {
    if (element.$type !== 'dmn:Decision') continue;
    const decision = readDecision(element);
    decisions.set(decision.id, decision);
  }
  return { id, name, decisions };
}

function readDecision(decision: DmnElement): ExecutableDecision {
  const id = stringOf(decision, 'id') ?? '';
  const requiredDecisionIds = childrenOf(decision, 'informationRequirement')
    .map((requirement) => embeddedId(childOf(requirement, 'requiredDecision')))
    .filter((requiredId): requiredId is string => requiredId !== undefined);
  return {
    id,
    name: stringOf(decision, 'name') ?? '',
    // DmnParser: the variable's name, else the decision id
    resultName: stringOf(childOf(decision, 'variable'), 'name') ?? id,
    requiredDecisionIds,
    requiresKnowledge: childrenOf(decision, 'knowledgeRequirement').length > 0,
    logic: readLogic(childOf(decision, 'decisionLogic')),
  };
}

function readLogic(logic: DmnElement | undefined): DecisionLogic {
  switch (logic?.$type) {
    case 'dmn:DecisionTable':
      return readDecisionTable(logic);
    case 'dmn:LiteralExpression':
      return { type: 'LITERAL_EXPRESSION', expression: stringOf(logic, 'text') ?? '' };
    case 'dmn:Context':
      return { type: 'CONTEXT' };
    case 'dmn:List':
      return { type: 'LIST' };
    case 'dmn:Relation':
      return { type: 'RELATION' };
    case 'dmn:Invocation':
      return { type: 'INVOCATION' };
    default:
      return { type: 'UNKNOWN' };
  }
}

function readDecisionTable(table: DmnElement): DecisionTableLogic {
  const hitPolicy = stringOf(table, 'hitPolicy') ?? 'UNIQUE';
  const aggregation = stringOf(table, 'aggregation');
  return {
    type: 'DECISION_TABLE',
    hitPolicy: HIT_POLICIES.has(hitPolicy) ? (hitPolicy as HitPolicy) : 'UNIQUE',
    ...(aggregation !== undefined && AGGREGATIONS.has(aggregation)
      ? { aggregation: aggregation as Aggregation }
      : {}),
    inputs: childrenOf(table, 'input').map((input) => ({
      id: stringOf(input, 'id') ?? '',
      ...optional('label', stringOf(input, 'label')),
      expression: stringOf(childOf(input, 'inputExpression'), 'text') ?? '',
    })),
    outputs: childrenOf(table, 'output').map((output) => ({
      id: stringOf(output, 'id') ?? '',
      ...optional('name', stringOf(output, 'name')),
      ...optional('outputValues', stringOf(childOf(output, 'outputValues'), 'text')),
      ...optional('defaultOutputEntry', stringOf(childOf(output, 'defaultOutputEntry'), 'text')),
    })),
    rules: childrenOf(table, 'rule').map((rule) => ({
      id: stringOf(rule, 'id') ?? '',
      inputEntries: childrenOf(rule, 'inputEntry').map((entry) => stringOf(entry, 'text') ?? ''),
      outputEntries: childrenOf(rule, 'outputEntry').map((entry) => stringOf(entry, 'text') ?? ''),
    })),
  };
}

/** `{ key: value }` when the value is present (exactOptionalPropertyTypes-friendly). */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
