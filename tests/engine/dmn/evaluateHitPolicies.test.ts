/**
 * Decision tables, one line per case: every hit policy and aggregation (dmn-scala's semantics,
 * as Zeebe 8.6 evaluates them), default output entries, compound outputs, failure texts.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDecision, transformDmn, type ExecutableDrg } from '../../../engine/src/dmn';

interface Table {
  hitPolicy?: string;
  aggregation?: string;
  /** Output names; several → the result is a context. */
  outputs?: string[];
  /** outputValues (priority order) per output. */
  outputValues?: (string | undefined)[];
  defaults?: (string | undefined)[];
  /** [input entry for `x`, ...output entries] */
  rules: string[][];
}

/** A one-input decision table `d` over the variable `x`. */
async function table(spec: Table): Promise<ExecutableDrg> {
  const outputs = spec.outputs ?? ['out'];
  const attrs = `hitPolicy="${spec.hitPolicy ?? 'UNIQUE'}"${
    spec.aggregation ? ` aggregation="${spec.aggregation}"` : ''
  }`;
  const outputXml = outputs
    .map((name, i) => {
      const values = spec.outputValues?.[i];
      const fallback = spec.defaults?.[i];
      return `<output id="o${i}" name="${name}">${
        values ? `<outputValues><text>${values}</text></outputValues>` : ''
      }${fallback ? `<defaultOutputEntry><text>${fallback}</text></defaultOutputEntry>` : ''}</output>`;
    })
    .join('');
  const rules = spec.rules
    .map(
      ([test, ...outs], i) =>
        `<rule id="r${i + 1}"><inputEntry><text>${esc(test ?? '')}</text></inputEntry>${outs
          .map((o) => `<outputEntry><text>${esc(o)}</text></outputEntry>`)
          .join('')}</rule>`,
    )
    .join('');
  const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drg" name="DRG" namespace="n">
    <decision id="d" name="D"><decisionTable ${attrs}>
      <input id="i1" label="X"><inputExpression><text>x</text></inputExpression></input>
      ${outputXml}${rules}
    </decisionTable></decision></definitions>`;
  const result = await transformDmn(xml);
  if (!result.ok) throw new Error(result.failure);
  return result.drg.executable;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function outcome(spec: Table, x: unknown): Promise<unknown> {
  const result = evaluateDecision(await table(spec), 'd', { x });
  return result.ok ? JSON.parse(result.output) : `FAILED: ${result.failureMessage}`;
}

const numbers = (hitPolicy: string, aggregation?: string): Table => ({
  hitPolicy,
  ...(aggregation ? { aggregation } : {}),
  rules: [
    ['> 0', '1'],
    ['> 5', '5'],
    ['> 10', '10'],
  ],
});

const priority = (hitPolicy: string): Table => ({
  hitPolicy,
  outputValues: ['"high","medium","low"'],
  rules: [
    ['> 0', '"low"'],
    ['> 5', '"high"'],
    ['> 10', '"medium"'],
  ],
});

describe('decision table hit policies', () => {
  it.each<[string, Table, unknown, unknown]>([
    ['UNIQUE: one rule matches', numbers('UNIQUE'), 3, 1],
    ['UNIQUE: no rule matches → null', numbers('UNIQUE'), -1, null],
    [
      'UNIQUE: several rules match → failure',
      numbers('UNIQUE'),
      7,
      "FAILED: Expected to evaluate decision 'd', but multiple values aren't allowed for UNIQUE hit policy. found: 'List(Map(out -> ValNumber(1)), Map(out -> ValNumber(5)))'",
    ],
    ['FIRST: the first matching rule', numbers('FIRST'), 12, 1],
    ['FIRST: no rule matches → null', numbers('FIRST'), 0, null],
    ['PRIORITY: the output value listed first', priority('PRIORITY'), 12, 'high'],
    ['PRIORITY: one match', priority('PRIORITY'), 1, 'low'],
    [
      'ANY: several matches with the same output',
      {
        hitPolicy: 'ANY',
        rules: [
          ['> 0', '"ok"'],
          ['> 5', '"ok"'],
          ['> 10', '"no"'],
        ],
      },
      7,
      'ok',
    ],
    [
      'ANY: several matches with different outputs → failure',
      {
        hitPolicy: 'ANY',
        rules: [
          ['> 0', '"ok"'],
          ['> 5', '"ok"'],
          ['> 10', '"no"'],
        ],
      },
      11,
      "FAILED: Expected to evaluate decision 'd', but different values aren't allowed for ANY hit policy. found: 'List(Map(out -> ValString(ok)), Map(out -> ValString(no)))'",
    ],
    ['COLLECT: every match, in rule order', numbers('COLLECT'), 12, [1, 5, 10]],
    ['COLLECT: no match → null', numbers('COLLECT'), 0, null],
    ['COLLECT SUM', numbers('COLLECT', 'SUM'), 12, 16],
    ['COLLECT MIN', numbers('COLLECT', 'MIN'), 12, 1],
    ['COLLECT MAX', numbers('COLLECT', 'MAX'), 12, 10],
    ['COLLECT COUNT', numbers('COLLECT', 'COUNT'), 7, 2],
    [
      'COLLECT COUNT: no match → null (no rule, no aggregation)',
      numbers('COLLECT', 'COUNT'),
      0,
      null,
    ],
    [
      'COLLECT SUM of a string → failure',
      {
        hitPolicy: 'COLLECT',
        aggregation: 'SUM',
        rules: [
          ['> 0', '1'],
          ['> 5', '"five"'],
        ],
      },
      7,
      "FAILED: Expected to evaluate decision 'd', but expected number but found 'ValString(five)'",
    ],
    [
      'RULE ORDER: every match, in rule order',
      priority('RULE ORDER'),
      12,
      ['low', 'high', 'medium'],
    ],
    [
      'OUTPUT ORDER: every match, by output value order',
      priority('OUTPUT ORDER'),
      12,
      ['high', 'medium', 'low'],
    ],
    ['OUTPUT ORDER: no match → null', priority('OUTPUT ORDER'), 0, null],
  ])('%s', async (_case, spec, x, expected) => {
    expect(await outcome(spec, x)).toEqual(expected);
  });
});

describe('decision table outputs', () => {
  const twoOutputs = (hitPolicy: string): Table => ({
    hitPolicy,
    outputs: ['fee', 'reason'],
    rules: [
      ['< 18', '0', '"minor"'],
      ['>= 18', '50', '"adult"'],
      ['>= 65', '25', '"senior"'],
    ],
  });

  it.each<[string, Table, unknown, unknown]>([
    ['several outputs → a context', twoOutputs('FIRST'), 70, { fee: 50, reason: 'adult' }],
    [
      'several outputs, several matches → a list of contexts',
      twoOutputs('RULE ORDER'),
      70,
      [
        { fee: 50, reason: 'adult' },
        { fee: 25, reason: 'senior' },
      ],
    ],
    [
      'no match → the default output entry',
      { rules: [['> 0', '"positive"']], defaults: ['"none"'] },
      -3,
      'none',
    ],
    [
      'no match → the default output entries as a context',
      { outputs: ['a', 'b'], defaults: ['1', '"two"'], rules: [['> 0', '0', '"zero"']] },
      -3,
      { a: 1, b: 'two' },
    ],
    [
      'no match and a default for only one of two outputs → a context of that one',
      { outputs: ['a', 'b'], defaults: [undefined, 'x * 2'], rules: [['> 0', '0', '"zero"']] },
      -3,
      -6,
    ],
    [
      'an output entry is a FEEL expression over the variables',
      { rules: [['-', 'x * 2 + 1']] },
      20,
      41,
    ],
    ['input entries see the variables: `> x - 1`', { rules: [['> x - 1', '"yes"']] }, 4, 'yes'],
    ['an empty input entry matches anything, null too', { rules: [['', '"any"']] }, null, 'any'],
    [
      'a FEEL failure in an output entry → failure with feel-scala text',
      { rules: [['-', 'assert(x, x > 10)']] },
      3,
      "FAILED: Expected to evaluate decision 'd', but Assertion failure on evaluate the expression 'assert(x, x > 10)': The condition is not fulfilled",
    ],
  ])('%s', async (_case, spec, x, expected) => {
    expect(await outcome(spec, x)).toEqual(expected);
  });
});

describe('the audit of a decision table', () => {
  it('lists the evaluated inputs and the matched rules with their outputs (FIRST: the first only)', async () => {
    // given
    const drg = await table({
      hitPolicy: 'FIRST',
      rules: [
        ['< 0', '"neg"'],
        ['> 5', '"big"'],
        ['> 1', '"pos"'],
      ],
    });

    // when
    const result = evaluateDecision(drg, 'd', { x: 7 });

    // then
    expect(result).toEqual({
      ok: true,
      output: '"big"',
      evaluatedDecisions: [
        {
          decisionId: 'd',
          decisionName: 'D',
          decisionType: 'DECISION_TABLE',
          decisionOutput: '"big"',
          evaluatedInputs: [{ inputId: 'i1', inputName: 'X', inputValue: '7' }],
          matchedRules: [
            {
              ruleId: 'r2',
              ruleIndex: 2,
              evaluatedOutputs: [{ outputId: 'o0', outputName: 'out', outputValue: '"big"' }],
            },
          ],
        },
      ],
    });
  });

  it('keeps every matched rule of a failed UNIQUE table, and names the failed decision', async () => {
    // given
    const drg = await table(numbers('UNIQUE'));

    // when
    const result = evaluateDecision(drg, 'd', { x: 12 });

    // then
    expect(result).toMatchObject({ ok: false, failedDecisionId: 'd' });
    expect(result.evaluatedDecisions[0]?.decisionOutput).toBe('null');
    expect(result.evaluatedDecisions[0]?.matchedRules.map((r) => r.ruleIndex)).toEqual([1, 2, 3]);
  });

  it('fails for a decision the DRG does not have, as dmn-scala words it', async () => {
    expect(evaluateDecision(await table(numbers('UNIQUE')), 'nope', {})).toEqual({
      ok: false,
      failureMessage: "Expected to evaluate decision 'nope', but no decision found with id 'nope'",
      failedDecisionId: 'nope',
      evaluatedDecisions: [],
    });
  });
});
