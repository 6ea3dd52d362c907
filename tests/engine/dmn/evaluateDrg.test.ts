/**
 * Decision requirements graphs: the dish / beverages example of the Camunda documentation
 * (dinner-decisions.dmn beside this file) with its documented results, literal expressions and
 * required decisions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDecision, transformDmn, type ExecutableDrg } from '../../../engine/src/dmn';

const here = path.dirname(fileURLToPath(import.meta.url));

async function load(xml: string): Promise<ExecutableDrg> {
  const result = await transformDmn(xml);
  if (!result.ok) throw new Error(result.failure);
  return result.drg.executable;
}

function output(drg: ExecutableDrg, decisionId: string, variables: Record<string, unknown>) {
  const result = evaluateDecision(drg, decisionId, variables);
  return result.ok ? JSON.parse(result.output) : `FAILED: ${result.failureMessage}`;
}

describe('the documented dinner decisions (dish, beverages)', () => {
  let drg: ExecutableDrg;
  beforeAll(async () => {
    drg = await load(fs.readFileSync(path.join(here, 'dinner-decisions.dmn'), 'utf8'));
  });

  it.each([
    ['Fall', 8, 'Spareribs'],
    ['Winter', 4, 'Roastbeef'],
    ['Spring', 4, 'Dry Aged Gourmet Steak'],
    ['Spring', 5, 'Steak'],
    ['Spring', 8, 'Steak'],
    ['Winter', 9, 'Stew'],
    ['Summer', 30, 'Light Salad and a nice Steak'],
  ])('dish: %s with %i guests → %s', (season, guestCount, dish) => {
    expect(output(drg, 'dish', { season, guestCount })).toBe(dish);
  });

  it('dish: no rule for an unknown season → null (UNIQUE without a match is no failure)', () => {
    expect(output(drg, 'dish', { season: 'Monsoon', guestCount: 3 })).toBeNull();
  });

  it.each([
    ['Spring', 2, true, ['Pinot Noir', 'Apple Juice']],
    ['Fall', 6, false, ['Aecht Schlenkerla Rauchbier', 'Water']],
    ['Winter', 12, false, ['Guiness', 'Water']],
  ])('beverages: %s, %i guests, children %s → %j', (season, guestCount, children, expected) => {
    expect(output(drg, 'beverages', { season, guestCount, guestsWithChildren: children })).toEqual(
      expected,
    );
  });

  it('evaluates the required decision first and audits both, the called one last', () => {
    // when
    const result = evaluateDecision(drg, 'beverages', {
      season: 'Spring',
      guestCount: 2,
      guestsWithChildren: true,
    });

    // then
    expect(result.ok).toBe(true);
    expect(
      result.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, d.decisionOutput]),
    ).toEqual([
      ['dish', 'DECISION_TABLE', '"Dry Aged Gourmet Steak"'],
      ['beverages', 'DECISION_TABLE', '["Pinot Noir","Apple Juice"]'],
    ]);
    expect(result.evaluatedDecisions[0]?.evaluatedInputs).toEqual([
      { inputId: 'Input_season', inputName: 'Season', inputValue: '"Spring"' },
      { inputId: 'Input_guestCount', inputName: 'How many guests', inputValue: '2' },
    ]);
    expect(result.evaluatedDecisions[1]?.matchedRules).toEqual([
      {
        ruleId: 'Rule_steak',
        ruleIndex: 4,
        evaluatedOutputs: [
          { outputId: 'Output_beverages', outputName: 'beverages', outputValue: '"Pinot Noir"' },
        ],
      },
      {
        ruleId: 'Rule_children',
        ruleIndex: 5,
        evaluatedOutputs: [
          { outputId: 'Output_beverages', outputName: 'beverages', outputValue: '"Apple Juice"' },
        ],
      },
    ]);
  });
});

describe('literal expressions and required decisions', () => {
  const xml = (body: string) =>
    `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="fees" name="Fees" namespace="n">${body}</definitions>`;
  const base = `<decision id="baseFee" name="Base fee"><variable name="base"/>
      <literalExpression><text>if dogs &gt; 1 then 180 else 120</text></literalExpression></decision>`;
  const total = `<decision id="total" name="Total">
      <informationRequirement><requiredDecision href="#baseFee"/></informationRequirement>
      <informationRequirement><requiredDecision href="#discount"/></informationRequirement>
      <literalExpression><text>{ fee: base - discount, currency: "CHF" }</text></literalExpression></decision>`;
  const discount = `<decision id="discount" name="Discount">
      <literalExpression><text>if guideDog then base else 0</text></literalExpression>
      <informationRequirement><requiredDecision href="#baseFee"/></informationRequirement></decision>`;

  it.each<[string, string, string, Record<string, unknown>, unknown]>([
    ['a literal expression', base, 'baseFee', { dogs: 2 }, 180],
    [
      'a missing variable is null, not a failure (null > 1 is null → else)',
      base,
      'baseFee',
      {},
      120,
    ],
    [
      'required results by variable name (base) and by decision id (discount)',
      base + discount + total,
      'total',
      { dogs: 1, guideDog: false },
      { fee: 120, currency: 'CHF' },
    ],
    [
      'a required decision that fails fails the called one',
      `<decision id="a" name="A"><literalExpression><text>assert(x, x != null)</text></literalExpression></decision>
       <decision id="b" name="B"><informationRequirement><requiredDecision href="#a"/></informationRequirement>
       <literalExpression><text>a + 1</text></literalExpression></decision>`,
      'b',
      {},
      "FAILED: Expected to evaluate decision 'b', but Assertion failure on evaluate the expression 'assert(x, x != null)': The condition is not fulfilled",
    ],
  ])('%s', async (_case, body, decisionId, variables, expected) => {
    expect(output(await load(xml(body)), decisionId, variables)).toEqual(expected);
  });

  it('names the required decision that failed', async () => {
    const drg = await load(
      xml(`<decision id="a" name="A"><literalExpression><text>assert(x, x != null)</text></literalExpression></decision>
       <decision id="b" name="B"><informationRequirement><requiredDecision href="#a"/></informationRequirement>
       <literalExpression><text>a + 1</text></literalExpression></decision>`),
    );

    const result = evaluateDecision(drg, 'b', {});

    expect(result).toMatchObject({ ok: false, failedDecisionId: 'a' });
    expect(result.evaluatedDecisions).toEqual([
      expect.objectContaining({
        decisionId: 'a',
        decisionType: 'LITERAL_EXPRESSION',
        decisionOutput: 'null',
      }),
    ]);
  });
});
