/**
 * The decision tables of a .dmn file, read with dmn-moddle, and a small evaluator for them
 * built on the engine's FEEL (unary tests for input entries, expressions for input and output
 * entries). It is the oracle for the tables' content in these tests, not the engine's DMN
 * evaluation (that comes with the engine's DMN issue and its own scenario tests).
 * Hit policies: UNIQUE, FIRST, ANY, COLLECT (without aggregation), RULE ORDER.
 */
import { evaluateExpression, evaluateUnaryTests } from '../../engine/src/feel';

export interface DecisionTable {
  decisionId: string;
  name: string;
  hitPolicy: string;
  aggregation: string | undefined;
  inputs: { label: string; expression: string; typeRef: string }[];
  outputs: { name: string; typeRef: string }[];
  rules: {
    id: string;
    description: string | undefined;
    inputEntries: string[];
    outputEntries: string[];
  }[];
}

export interface DmnDocument {
  id: string;
  name: string;
  namespace: string;
  warnings: string[];
  decisions: DecisionTable[];
}

interface Moddle {
  $type: string;
  [property: string]: unknown;
}
interface DmnModdleClass {
  new (): {
    fromXML(
      xml: string,
      type: string,
    ): Promise<{ rootElement: Moddle; warnings: { message: string }[] }>;
  };
}

const text = (element: unknown): string => {
  const value = (element as { text?: unknown } | undefined)?.text;
  return typeof value === 'string' ? value : '';
};
const many = (element: Moddle | undefined, property: string): Moddle[] => {
  const value = element?.[property];
  return Array.isArray(value) ? (value as Moddle[]) : [];
};
const attr = (element: Moddle | undefined, property: string): string | undefined => {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
};

export async function readDmn(xml: string): Promise<DmnDocument> {
  // dmn-moddle ships no typings; a computed specifier keeps TypeScript from looking for them
  const specifier = 'dmn-moddle';
  const { DmnModdle } = (await import(specifier)) as { DmnModdle: DmnModdleClass };
  const { rootElement, warnings } = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
  return {
    id: attr(rootElement, 'id') ?? '',
    name: attr(rootElement, 'name') ?? '',
    namespace: attr(rootElement, 'namespace') ?? '',
    warnings: warnings.map((warning) => warning.message),
    decisions: many(rootElement, 'drgElement')
      .filter((element) => element.$type === 'dmn:Decision')
      .map((decision) => {
        const table = decision.decisionLogic as Moddle | undefined;
        if (table?.$type !== 'dmn:DecisionTable')
          throw new Error(`decision ${attr(decision, 'id')} is not a decision table`);
        return {
          decisionId: attr(decision, 'id') ?? '',
          name: attr(decision, 'name') ?? '',
          hitPolicy: attr(table, 'hitPolicy') ?? 'UNIQUE',
          aggregation: attr(table, 'aggregation'),
          inputs: many(table, 'input').map((input) => {
            const expression = input.inputExpression as Moddle | undefined;
            return {
              label: attr(input, 'label') ?? '',
              expression: text(expression),
              typeRef: attr(expression, 'typeRef') ?? '',
            };
          }),
          outputs: many(table, 'output').map((output) => ({
            name: attr(output, 'name') ?? '',
            typeRef: attr(output, 'typeRef') ?? '',
          })),
          rules: many(table, 'rule').map((rule) => ({
            id: attr(rule, 'id') ?? '',
            description: typeof rule.description === 'string' ? rule.description : undefined,
            inputEntries: many(rule, 'inputEntry').map(text),
            outputEntries: many(rule, 'outputEntry').map(text),
          })),
        };
      }),
  };
}

function value<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The decision result as Zeebe's resultVariable gets it: single output → value, else context. */
export function evaluateTable(table: DecisionTable, variables: Record<string, unknown>): unknown {
  const inputValues = table.inputs.map((input) =>
    value(evaluateExpression(input.expression, variables)),
  );
  const matches = table.rules.filter((rule) =>
    rule.inputEntries.every((entry, i) => {
      const test = entry.trim() === '-' ? '' : entry;
      return value(evaluateUnaryTests(test, inputValues[i], variables));
    }),
  );
  const outputOf = (rule: DecisionTable['rules'][number]) => {
    const values = rule.outputEntries.map((entry) =>
      entry.trim() === '' ? null : value(evaluateExpression(entry, variables)),
    );
    return table.outputs.length === 1
      ? values[0]
      : Object.fromEntries(table.outputs.map((o, i) => [o.name, values[i]]));
  };
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matches.length > 1)
        throw new Error(
          `UNIQUE table ${table.decisionId}: rules ${matches.map((r) => r.id).join(', ')} all match`,
        );
      return matches[0] ? outputOf(matches[0]) : null;
    case 'FIRST':
      return matches[0] ? outputOf(matches[0]) : null;
    case 'ANY': {
      const results = matches.map(outputOf);
      if (new Set(results.map((r) => JSON.stringify(r))).size > 1)
        throw new Error(`ANY table ${table.decisionId}: matches differ`);
      return results[0] ?? null;
    }
    case 'COLLECT':
    case 'RULE ORDER':
      if (table.aggregation) throw new Error('aggregation is not supported by this oracle');
      return matches.map(outputOf);
    default:
      throw new Error(`hit policy ${table.hitPolicy} is not supported by this oracle`);
  }
}
