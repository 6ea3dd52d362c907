/** transformDmn: the DRG of a valid DMN, and dmn-scala's / Zeebe's failure texts, one row each. */
import { describe, expect, it } from 'vitest';
import { transformDmn } from '../../../engine/src/dmn';

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** A `definitions` 'drg' (name 'DRG') in the given namespace with the given DRG elements. */
function dmn(elements: string, namespace = DMN13, attributes = 'id="drg" name="DRG"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<definitions xmlns="${namespace}" ${attributes} namespace="http://camunda.org/schema/1.0/dmn">\n${elements}\n</definitions>`;
}

/** A decision 'd' with a one-input, one-output table; `rules` are <rule> elements. */
function table(inputExpression: string, rules: string, tableAttributes = ''): string {
  return `<decision id="d" name="D"><decisionTable id="t"${tableAttributes}>
  <input id="i"><inputExpression id="ie" typeRef="number"><text>${inputExpression}</text></inputExpression></input>
  <output id="o" name="out" typeRef="string" />
  ${rules}
</decisionTable></decision>`;
}

const rule = (inputEntry: string, outputEntry: string) =>
  `<rule><inputEntry><text>${inputEntry}</text></inputEntry><outputEntry><text>${outputEntry}</text></outputEntry></rule>`;

const literal = (id: string, text: string, requires: string[] = []) =>
  `<decision id="${id}" name="${id.toUpperCase()}">${requires
    .map(
      (r) => `<informationRequirement><requiredDecision href="#${r}" /></informationRequirement>`,
    )
    .join('')}<literalExpression id="${id}_le"><text>${text}</text></literalExpression></decision>`;

describe('transformDmn', () => {
  it('reads the DRG id, name, namespace and its decisions in document order', async () => {
    const result = await transformDmn(
      dmn(`${table('age', rule('&gt;= 18', '"adult"'))}${literal('e', 'd + "!"', ['d'])}`),
    );

    expect(result).toEqual({
      ok: true,
      drg: {
        id: 'drg',
        name: 'DRG',
        namespace: 'http://camunda.org/schema/1.0/dmn',
        decisions: [
          { id: 'd', name: 'D' },
          { id: 'e', name: 'E' },
        ],
        executable: expect.objectContaining({ id: 'drg', name: 'DRG' }),
      },
    });
  });

  it.each([
    ['DMN 1.1', 'http://www.omg.org/spec/DMN/20151101/dmn.xsd'],
    ['DMN 1.1 (Camunda 7.4 URI)', 'http://www.omg.org/spec/DMN/20151101/dmn11.xsd'],
    ['DMN 1.2', 'http://www.omg.org/spec/DMN/20180521/MODEL/'],
    ['DMN 1.3 (Camunda 7.13 URI)', 'https://www.omg.org/spec/DMN/20191111/DMN13.xsd'],
  ])('reads %s', async (_version, namespace) => {
    const result = await transformDmn(dmn(table('age', rule('-', '"x"')), namespace));

    expect(result).toMatchObject({ ok: true, drg: { id: 'drg', decisions: [{ id: 'd' }] } });
  });

  const UNREADABLE =
    'Failed to parse DMN: org.camunda.bpm.model.dmn.DmnModelException: Unable to parse model';

  it.each([
    ['an empty document', '', UNREADABLE],
    ['XML that is not well-formed', dmn('<decision id="d" name="D">'), UNREADABLE],
    [
      'another namespace (DMN 1.0 draft)',
      dmn('', 'http://www.omg.org/spec/DMN/20130901'),
      UNREADABLE,
    ],
    ['a duplicate id', dmn(`${literal('d', '1')}${literal('d', '2')}`), UNREADABLE],
    [
      'decisions that require each other',
      dmn(`${literal('a', 'b', ['b'])}${literal('b', 'a', ['a'])}`),
      'Invalid DMN model: Cyclic dependencies between decisions detected.',
    ],
    [
      'an input expression that is not FEEL',
      dmn(table('age +', rule('-', '"x"'))),
      `FEEL expression: failed to parse expression 'age +': Incomplete <ArithmeticExpression>:1:6, found ""`,
    ],
    [
      'an empty input expression',
      dmn(table('', rule('-', '"x"'))),
      `FEEL expression: failed to parse expression '': Incomplete <Expression>:1:1, found ""`,
    ],
    [
      'an input entry that is not FEEL unary-tests (reported once per text)',
      dmn(table('age', `${rule('"teen', '"a"')}${rule('"teen', '"b"')}`)),
      `FEEL unary-tests: failed to parse expression '"teen': Unrecognized token in <UnaryTests>:1:1, found ""teen"`,
    ],
    [
      'an output entry that is not FEEL',
      dmn(table('age', rule('-', '1 +'))),
      `FEEL expression: failed to parse expression '1 +': Incomplete <ArithmeticExpression>:1:4, found ""`,
    ],
    [
      'a literal expression that is not FEEL',
      dmn(literal('d', 'if x then')),
      `FEEL expression: failed to parse expression 'if x then': Incomplete <IfExpression>:1:10, found ""`,
    ],
    [
      'an input expression without text',
      dmn(
        '<decision id="d" name="D"><decisionTable><input><inputExpression id="ie" /></input><output name="o" /></decisionTable></decision>',
      ),
      "The expression 'ie' must not be empty.",
    ],
    [
      'another expression language',
      dmn(
        '<decision id="d" name="D"><literalExpression expressionLanguage="juel"><text>${a}</text></literalExpression></decision>',
      ),
      "Expression language 'juel' is not supported",
    ],
    [
      'a decision without logic',
      dmn('<decision id="d" name="D" />'),
      "unsupported decision expression 'null'",
    ],
    [
      'a compound output without name, and COLLECT with an aggregator',
      dmn(
        '<decision id="d" name="D"><decisionTable hitPolicy="COLLECT" aggregation="SUM"><output label="Betrag" /><output name="b" /></decisionTable></decision>',
      ),
      "hit policy 'COLLECT' with aggregator is not defined for compound output\nno output name defined for `Betrag`",
    ],
    [
      'a decision without id',
      dmn('<decision name="D"><literalExpression><text>1</text></literalExpression></decision>'),
      'Expected the decision id to be present, but none given',
    ],
    [
      'a decision without name',
      dmn('<decision id="d"><literalExpression><text>1</text></literalExpression></decision>'),
      "Expected the name of the decision 'd' to be present, but none given",
    ],
    [
      'a DRG without id',
      dmn(literal('d', '1'), DMN13, 'name="DRG"'),
      'Expected the decision requirements id to be present, but none given',
    ],
  ])('refuses %s', async (_what, xml, failure) => {
    expect(await transformDmn(xml)).toEqual({ ok: false, failure });
  });

  it('collects every failure of a DRG, joined by line breaks', async () => {
    const result = await transformDmn(dmn(`${table('a &', rule('"x', '-'))}`));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.split('\n')).toEqual([
      `FEEL expression: failed to parse expression 'a &': Unrecognized token in <VariableName>:1:3, found "&"`,
      `FEEL unary-tests: failed to parse expression '"x': Unrecognized token in <UnaryTests>:1:1, found ""x"`,
      `FEEL expression: failed to parse expression '-': Incomplete <ArithmeticExpression>:1:2, found ""`,
    ]);
  });
});
