import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkExpression,
  evaluateArray,
  evaluateBoolean,
  evaluateDateTime,
  evaluateDuration,
  evaluateExpression,
  evaluateNumber,
  evaluateString,
  evaluateStringList,
  evaluateUnaryTests,
  evaluateValue,
  isExpression,
  resetFeelClock,
  setFeelClock,
} from '../../../engine/src/feel';
import { LruCache } from '../../../engine/src/feel/cache';

type Context = Record<string, unknown>;

const NOW = '2026-11-28T10:00:00Z';
const WARNINGS = ' The evaluation reported the following warnings:\n';

beforeEach(() => setFeelClock(() => new Date(NOW)));
afterEach(() => resetFeelClock());

describe('isExpression', () => {
  it.each([
    { raw: '=x', expected: true },
    { raw: ' = x', expected: true },
    { raw: '  =x + 1  ', expected: true },
    { raw: 'x', expected: false },
    { raw: '', expected: false },
    { raw: 'a=b', expected: false },
  ])('$raw → $expected', ({ raw, expected }) => {
    expect(isExpression(raw)).toBe(expected);
  });
});

describe('evaluateValue', () => {
  it.each([
    { raw: 'Hundeanmeldung', context: {}, expected: 'Hundeanmeldung' },
    { raw: '42', context: {}, expected: '42' },
    { raw: '=1 + 1', context: {}, expected: 2 },
    { raw: ' =name', context: { name: 'Anna' }, expected: 'Anna' },
    { raw: '=missing', context: {}, expected: null },
  ])('given $raw when evaluated then $expected', ({ raw, context, expected }) => {
    expect(evaluateValue(raw, context)).toEqual({ ok: true, value: expected });
  });
});

describe('evaluateExpression', () => {
  it.each<{ expression: string; context: Context; expected: unknown }>([
    { expression: 'x + 1', context: { x: 4 }, expected: 5 },
    { expression: '"Grüezi " + name', context: { name: 'Anna' }, expected: 'Grüezi Anna' },
    { expression: 'fee.amount * 2', context: { fee: { amount: 25.5 } }, expected: 51 },
    {
      expression: 'items[price > 10].name',
      context: {
        items: [
          { name: 'a', price: 5 },
          { name: 'b', price: 20 },
        ],
      },
      expected: ['b'],
    },
    { expression: 'for i in 1..3 return i * 2', context: {}, expected: [2, 4, 6] },
    {
      expression: 'if approved then "yes" else "no"',
      context: { approved: false },
      expected: 'no',
    },
    {
      expression: 'some d in dogs satisfies d.age < 1',
      context: { dogs: [{ age: 3 }, { age: 0.5 }] },
      expected: true,
    },
    { expression: 'my var + 1', context: { 'my var': 1 }, expected: 2 },
    {
      expression: '{total: sum(values), count: count(values)}',
      context: { values: [1, 2, 3] },
      expected: { total: 6, count: 3 },
    },
    // Zeebe 8.6 (feel-scala 1.18): a missing variable is null, not a failure
    { expression: 'missing', context: {}, expected: null },
    { expression: 'missing = null', context: {}, expected: true },
    { expression: 'a.b.c', context: {}, expected: null },
  ])('given $context when $expression then $expected', ({ expression, context, expected }) => {
    expect(evaluateExpression(expression, context)).toEqual({ ok: true, value: expected });
  });

  it('a variable hides a built-in of the same name (a known difference from Zeebe)', () => {
    // given a process variable named like the built-in count()
    const context = { count: 3 };
    // when the function is called
    const result = evaluateExpression('count([1, 2])', context);
    // then the variable, not the function, is found
    expect(result).toEqual({ ok: true, value: null });
  });
});

describe('results as plain JSON', () => {
  it.each<{ expression: string; expected: unknown }>([
    { expression: 'date("2026-11-28")', expected: '2026-11-28' },
    { expression: 'date and time("2026-11-28T10:00:00Z")', expected: '2026-11-28T10:00:00Z' },
    { expression: 'date and time("2026-11-28T10:00:00.5Z")', expected: '2026-11-28T10:00:00.5Z' },
    {
      expression: 'date and time("2026-11-28T10:00:00+01:00")',
      expected: '2026-11-28T10:00:00+01:00',
    },
    {
      expression: 'date and time("2026-11-28T10:00:00-05:30")',
      expected: '2026-11-28T10:00:00-05:30',
    },
    {
      expression: 'date and time("2026-07-01T10:00:00@Europe/Zurich")',
      expected: '2026-07-01T10:00:00+02:00',
    },
    {
      expression: 'date and time("2026-12-01T10:00:00@Europe/Zurich")',
      expected: '2026-12-01T10:00:00+01:00',
    },
    { expression: 'date and time("2026-11-28T10:00:00")', expected: '2026-11-28T10:00:00' },
    { expression: 'time("10:15:00")', expected: '10:15:00' },
    { expression: 'time("10:15:00+01:00")', expected: '10:15:00+01:00' },
    { expression: 'duration("PT36H")', expected: 'P1DT12H' },
    { expression: 'duration("P14M")', expected: 'P1Y2M' },
    { expression: 'date("2026-01-31") - date("2026-01-01")', expected: 'P30D' },
    { expression: 'now() + duration("P1D")', expected: '2026-11-29T10:00:00Z' },
    { expression: '[1..3]', expected: null },
    { expression: 'function(x) x', expected: null },
    {
      expression: '{a: date("2026-01-01"), b: [duration("PT1H")], c: {d: null}}',
      expected: { a: '2026-01-01', b: ['PT1H'], c: { d: null } },
    },
  ])('$expression → $expected', ({ expression, expected }) => {
    expect(evaluateExpression(expression, {})).toEqual({ ok: true, value: expected });
  });
});

describe('syntax check at deploy time', () => {
  it.each([
    'x > 5',
    'get or else(x, 1)',
    'is defined(a.b)',
    'last day of month(today())',
    'string join(groups, ", ")',
    'for i in 1..3 return i * 2',
    'some x in [1, 2] satisfies x > 1',
    '{a: 1, b: {c: [1, 2]}}',
    'my var + 1',
  ])('%s is valid', (expression) => {
    expect(checkExpression(expression)).toEqual({ ok: true });
  });

  it.each([
    {
      expression: 'a +',
      message: `failed to parse expression 'a +': Incomplete <ArithmeticExpression>:1:4, found ""`,
    },
    {
      expression: '1 +* 2',
      message: `failed to parse expression '1 +* 2': Unrecognized token <ArithOp> in <ArithmeticExpression>:1:4, found "* 2"`,
    },
    {
      expression: '{a: 1',
      message: `failed to parse expression '{a: 1': Incomplete <Context>:1:6, found ""`,
    },
    {
      expression: 'x\n+',
      message: `failed to parse expression 'x\n+': Incomplete <ArithmeticExpression>:2:2, found ""`,
    },
    {
      expression: ')',
      message: `failed to parse expression ')': Unrecognized token in <Expression>:1:1, found ")"`,
    },
    {
      expression: '',
      message: `failed to parse expression '': Incomplete <Expression>:1:1, found ""`,
    },
  ])('$expression is rejected with its position', ({ expression, message }) => {
    // when checked at deploy time, and when evaluated anyway
    const checked = checkExpression(expression);
    const evaluated = evaluateExpression(expression, {});
    // then both give the same message
    expect(checked).toEqual({ ok: false, message });
    expect(evaluated).toEqual({ ok: false, message });
  });

  it('checking the same text twice gives the same (cached) answer', () => {
    expect(checkExpression('a +')).toBe(checkExpression('a +'));
  });
});

describe('typed evaluation with Zeebe texts', () => {
  const missingX = `${WARNINGS}[NO_VARIABLE_FOUND] No variable found with name 'x'`;

  it.each<{ raw: string; context: Context; expected: unknown }>([
    { raw: '=name', context: { name: 'Anna' }, expected: { ok: true, value: 'Anna' } },
    { raw: 'dog-registration', context: {}, expected: { ok: true, value: 'dog-registration' } },
    {
      raw: '=x',
      context: { x: 1 },
      expected: {
        ok: false,
        message: "Expected result of the expression 'x' to be 'STRING', but was 'NUMBER'.",
      },
    },
    // Zeebe 8.6 reads a static value that is a number as NUMBER
    {
      raw: '42',
      context: {},
      expected: {
        ok: false,
        message: "Expected result of the expression '42' to be 'STRING', but was 'NUMBER'.",
      },
    },
    {
      raw: '=x',
      context: {},
      expected: {
        ok: false,
        message: `Expected result of the expression 'x' to be 'STRING', but was 'NULL'.${missingX}`,
      },
    },
    {
      raw: '=a +',
      context: {},
      expected: {
        ok: false,
        message: `failed to parse expression 'a +': Incomplete <ArithmeticExpression>:1:4, found ""`,
      },
    },
  ])('evaluateString($raw)', ({ raw, context, expected }) => {
    expect(evaluateString(raw, context)).toEqual(expected);
  });

  it.each<{ raw: string; context: Context; expected: unknown }>([
    { raw: '=x * 2', context: { x: 21 }, expected: { ok: true, value: 42 } },
    { raw: '3', context: {}, expected: { ok: true, value: 3 } },
    { raw: '-1.5e2', context: {}, expected: { ok: true, value: -150 } },
    {
      raw: '=name',
      context: { name: 'Anna' },
      expected: {
        ok: false,
        message: "Expected result of the expression 'name' to be 'NUMBER', but was 'STRING'.",
      },
    },
    {
      raw: '=[1]',
      context: {},
      expected: {
        ok: false,
        message: "Expected result of the expression '[1]' to be 'NUMBER', but was 'ARRAY'.",
      },
    },
    {
      raw: '={}',
      context: {},
      expected: {
        ok: false,
        message: "Expected result of the expression '{}' to be 'NUMBER', but was 'OBJECT'.",
      },
    },
    {
      raw: '=true',
      context: {},
      expected: {
        ok: false,
        message: "Expected result of the expression 'true' to be 'NUMBER', but was 'BOOLEAN'.",
      },
    },
    {
      raw: '=date("2026-01-01")',
      context: {},
      expected: {
        ok: false,
        message: `Expected result of the expression 'date("2026-01-01")' to be 'NUMBER', but was 'DATE'.`,
      },
    },
    {
      raw: '=now()',
      context: {},
      expected: {
        ok: false,
        message: "Expected result of the expression 'now()' to be 'NUMBER', but was 'DATE_TIME'.",
      },
    },
    {
      raw: '=duration("PT1H")',
      context: {},
      expected: {
        ok: false,
        message: `Expected result of the expression 'duration("PT1H")' to be 'NUMBER', but was 'DURATION'.`,
      },
    },
    {
      raw: '=duration("P1Y")',
      context: {},
      expected: {
        ok: false,
        message: `Expected result of the expression 'duration("P1Y")' to be 'NUMBER', but was 'PERIOD'.`,
      },
    },
    {
      raw: '=time("10:00:00")',
      context: {},
      expected: {
        ok: false,
        message: `Expected result of the expression 'time("10:00:00")' to be 'NUMBER', but was 'UNKNOWN'.`,
      },
    },
  ])('evaluateNumber($raw)', ({ raw, context, expected }) => {
    expect(evaluateNumber(raw, context)).toEqual(expected);
  });

  it.each<{ raw: string; context: Context; expected: unknown }>([
    { raw: '=x > 3', context: { x: 4 }, expected: { ok: true, value: true } },
    {
      raw: '=x',
      context: {},
      expected: {
        ok: false,
        message: `Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'.${missingX}`,
      },
    },
    // static booleans are strings in Zeebe 8.6
    {
      raw: 'true',
      context: {},
      expected: {
        ok: false,
        message: "Expected result of the expression 'true' to be 'BOOLEAN', but was 'STRING'.",
      },
    },
  ])('evaluateBoolean($raw)', ({ raw, context, expected }) => {
    expect(evaluateBoolean(raw, context)).toEqual(expected);
  });

  it.each<{ raw: string; context: Context; expected: unknown }>([
    { raw: '=[1, "a", null]', context: {}, expected: { ok: true, value: [1, 'a', null] } },
    { raw: '=[date("2026-01-01")]', context: {}, expected: { ok: true, value: ['2026-01-01'] } },
    {
      raw: '=x',
      context: { x: 'a' },
      expected: {
        ok: false,
        message: "Expected result of the expression 'x' to be 'ARRAY', but was 'STRING'.",
      },
    },
  ])('evaluateArray($raw)', ({ raw, context, expected }) => {
    expect(evaluateArray(raw, context)).toEqual(expected);
  });

  it.each<{ raw: string; context: Context; expected: unknown }>([
    {
      raw: 'einwohnerkontrolle, bauamt ,steueramt',
      context: {},
      expected: { ok: true, value: ['einwohnerkontrolle', 'bauamt', 'steueramt'] },
    },
    { raw: 'bauamt', context: {}, expected: { ok: true, value: ['bauamt'] } },
    { raw: '', context: {}, expected: { ok: true, value: [] } },
    { raw: '=groups', context: { groups: ['a', 'b'] }, expected: { ok: true, value: ['a', 'b'] } },
    {
      raw: '=["a", 1]',
      context: {},
      expected: {
        ok: false,
        message: `Expected result of the expression '["a", 1]' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.`,
      },
    },
    {
      raw: '=group',
      context: { group: 'a' },
      expected: {
        ok: false,
        message: "Expected result of the expression 'group' to be 'ARRAY', but was 'STRING'.",
      },
    },
  ])('evaluateStringList($raw)', ({ raw, context, expected }) => {
    expect(evaluateStringList(raw, context)).toEqual(expected);
  });

  it.each<{ raw: string; context: Context; expected: unknown }>([
    {
      raw: '2026-11-28T10:00:00+01:00',
      context: {},
      expected: { ok: true, value: new Date('2026-11-28T09:00:00Z') },
    },
    {
      raw: '=now() + duration("PT1H")',
      context: {},
      expected: { ok: true, value: new Date('2026-11-28T11:00:00Z') },
    },
    {
      raw: '=date and time("2026-11-28T10:00:00@Europe/Zurich")',
      context: {},
      expected: { ok: true, value: new Date('2026-11-28T09:00:00Z') },
    },
    // a local date and time is read in UTC, Zeebe's system zone
    {
      raw: '=date and time("2026-11-28T10:00:00")',
      context: {},
      expected: { ok: true, value: new Date('2026-11-28T10:00:00Z') },
    },
    {
      raw: '=due',
      context: { due: '2026-12-01T08:00:00Z' },
      expected: { ok: true, value: new Date('2026-12-01T08:00:00Z') },
    },
    {
      raw: '=x',
      context: { x: 5 },
      expected: {
        ok: false,
        message:
          "Expected result of the expression 'x' to be one of '[DATE_TIME, STRING]', but was 'NUMBER'.",
      },
    },
    {
      raw: '=text',
      context: { text: 'tomorrow' },
      expected: {
        ok: false,
        message: "Invalid date-time format 'tomorrow' for expression 'text'.",
      },
    },
  ])('evaluateDateTime($raw)', ({ raw, context, expected }) => {
    expect(evaluateDateTime(raw, context)).toEqual(expected);
  });

  it.each<{ raw: string; context: Context; expected: unknown }>([
    { raw: 'PT10S', context: {}, expected: { ok: true, value: 'PT10S' } },
    { raw: '=duration("PT1H")', context: {}, expected: { ok: true, value: 'PT1H' } },
    { raw: '=duration("P1Y")', context: {}, expected: { ok: true, value: 'P1Y' } },
    { raw: '=wait', context: { wait: 'P3D' }, expected: { ok: true, value: 'P3D' } },
    {
      raw: '=x',
      context: { x: 5 },
      expected: {
        ok: false,
        message:
          "Expected result of the expression 'x' to be one of '[DURATION, PERIOD, STRING]', but was 'NUMBER'.",
      },
    },
    {
      raw: '=wait',
      context: { wait: 'soon' },
      expected: { ok: false, message: "Invalid duration format 'soon' for expression 'wait'." },
    },
  ])('evaluateDuration($raw)', ({ raw, context, expected }) => {
    expect(evaluateDuration(raw, context)).toEqual(expected);
  });
});

describe('suppressed failures in feel-scala words', () => {
  it.each<{ expression: string; context: Context; warnings: string[] }>([
    {
      expression: 'x',
      context: {},
      warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'x'"],
    },
    {
      expression: 'a.b.c',
      context: {},
      warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'a'"],
    },
    {
      expression: 'obj.c',
      context: { obj: { a: 1, b: 2 } },
      warnings: [
        "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'c'. Available keys: 'a', 'b'",
      ],
    },
    {
      expression: 'obj.c',
      context: { obj: {} },
      warnings: [
        "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'c'. The context is empty",
      ],
    },
    {
      expression: 'obj.c',
      context: { obj: null },
      warnings: [
        "[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'c'. The context is null",
      ],
    },
    {
      expression: 'foo(1, [2, 3])',
      context: {},
      warnings: ["[NO_FUNCTION_FOUND] No function found with name 'foo' and 2 parameters"],
    },
    {
      expression: 'foo(a: 1, b: 2)',
      context: {},
      warnings: ["[NO_FUNCTION_FOUND] No function found with name 'foo' and parameters: a,b"],
    },
    {
      expression: 'get or else(x)',
      context: { x: 1 },
      warnings: ["[NO_FUNCTION_FOUND] No function found with name 'get or else' and 1 parameters"],
    },
    {
      expression: 'trim(5)',
      context: {},
      warnings: [
        "[FUNCTION_INVOCATION_FAILURE] Failed to invoke function 'trim': Illegal arguments: '5'",
      ],
    },
    {
      expression: 'partition([1], 0)',
      context: {},
      warnings: [
        "[FUNCTION_INVOCATION_FAILURE] Failed to invoke function 'partition': 'size' should be greater than zero but was '0'",
      ],
    },
    {
      expression: 'extract("a", "(")',
      context: {},
      warnings: [
        "[FUNCTION_INVOCATION_FAILURE] Failed to invoke function 'extract': Invalid pattern '('",
      ],
    },
  ])('$expression', ({ expression, context, warnings }) => {
    // when a result of the wrong type makes the evaluation fail
    const result = evaluateBoolean(`=${expression}`, context);
    // then the message lists what was suppressed on the way
    expect(result).toEqual({
      ok: false,
      message: `Expected result of the expression '${expression}' to be 'BOOLEAN', but was 'NULL'.${WARNINGS}${warnings.join('\n')}`,
    });
  });
});

describe('built-ins added to feelin', () => {
  it.each<{ expression: string; context?: Context; expected: unknown }>([
    { expression: 'is defined(x)', context: { x: 1 }, expected: true },
    { expression: 'is defined(x)', context: { x: null }, expected: false },
    { expression: 'is defined(missing)', expected: false },
    { expression: 'is defined(obj.b)', context: { obj: { a: 1 } }, expected: false },
    { expression: 'get or else(missing, "default")', expected: 'default' },
    { expression: 'get or else(x, "default")', context: { x: 0 }, expected: 0 },
    { expression: 'assert(x, x > 3)', context: { x: 4 }, expected: 4 },
    { expression: 'assert(x, x > 3, "x is too small")', context: { x: 4 }, expected: 4 },
    { expression: 'extract("AB-12, CD-345", "[0-9]+")', expected: ['12', '345'] },
    { expression: 'trim("  Luzern  ")', expected: 'Luzern' },
    { expression: 'to base64("Grüezi")', expected: 'R3LDvGV6aQ==' },
    { expression: 'is blank("   ")', expected: true },
    { expression: 'is blank("a")', expected: false },
    { expression: 'is empty([])', expected: true },
    { expression: 'is empty([1])', expected: false },
    { expression: 'duplicate values([1, 2, 2, "a", "a", 3, 2])', expected: [2, 'a'] },
    {
      expression: 'duplicate values([{a: 1}, {a: 1}, [1], [1], {a: 2}])',
      expected: [{ a: 1 }, [1]],
    },
    { expression: 'partition([1, 2, 3, 4, 5], 2)', expected: [[1, 2], [3, 4], [5]] },
    { expression: 'partition([], 3)', expected: [] },
    { expression: 'string join(["a", null, "c"])', expected: 'ac' },
    { expression: 'string join(["a", "b"], ", ")', expected: 'a, b' },
    { expression: 'string join(["a", "b"], ", ", "[", "]")', expected: '[a, b]' },
    { expression: 'get value({a: {b: 1}}, ["a", "b"])', expected: 1 },
    { expression: 'get value({a: 1}, "a")', expected: 1 },
    { expression: 'get value({a: 1}, ["x", "y"])', expected: null },
    { expression: 'put({a: 1}, "b", 2)', expected: { a: 1, b: 2 } },
    { expression: 'put all({a: 1}, {b: 2}, {a: 3})', expected: { a: 3, b: 2 } },
    { expression: 'put all([{a: 1}, {b: 2}])', expected: { a: 1, b: 2 } },
    { expression: 'last day of month(date("2024-02-10"))', expected: '2024-02-29' },
    {
      expression: 'last day of month(date and time("2026-04-10T10:00:00Z"))',
      expected: '2026-04-30',
    },
    { expression: 'now()', expected: '2026-11-28T10:00:00Z' },
    { expression: 'today()', expected: '2026-11-28' },
    {
      expression: 'from json("{\\"a\\": [1, true, null], \\"b\\": \\"x\\"}")',
      expected: { a: [1, true, null], b: 'x' },
    },
    { expression: 'from json("{")', expected: null },
    {
      expression: 'to json({a: date("2026-01-01"), b: [1, "x"], c: null})',
      expected: '{"a":"2026-01-01","b":[1,"x"],"c":null}',
    },
    { expression: 'cycle(3, duration("PT1H"))', expected: 'R3/PT1H' },
    { expression: 'cycle(duration("P1D"))', expected: 'R/P1D' },
    { expression: 'random number() >= 0 and random number() < 1', expected: true },
    // feelin's own, used by processes and kept working
    { expression: 'context put({a: {b: 1}}, ["a", "c"], 2)', expected: { a: { b: 1, c: 2 } } },
    { expression: 'context merge([{a: 1}, {b: 2}])', expected: { a: 1, b: 2 } },
    { expression: 'get entries({a: 1})', expected: [{ key: 'a', value: 1 }] },
  ])('$expression → $expected', ({ expression, context = {}, expected }) => {
    expect(evaluateExpression(expression, context)).toEqual({ ok: true, value: expected });
  });

  it('uuid() gives a random UUID each time', () => {
    const first = evaluateExpression('uuid()', {});
    const second = evaluateExpression('uuid()', {});
    expect(first.ok && second.ok && first.value !== second.value).toBe(true);
    expect(first).toEqual({
      ok: true,
      value: expect.stringMatching(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/),
    });
  });

  it('now() and today() follow the injected clock', () => {
    // given a clock the test moves
    let time = new Date('2026-12-31T23:59:59Z');
    setFeelClock(() => time);
    expect(evaluateExpression('string(today()) + " " + string(now())', {})).toEqual({
      ok: true,
      value: '2026-12-31 2026-12-31T23:59:59Z',
    });
    // when it moves past midnight
    time = new Date('2027-01-01T00:00:01Z');
    // then FEEL sees the new day
    expect(evaluateExpression('today()', {})).toEqual({ ok: true, value: '2027-01-01' });
  });
});

describe('assert fails the evaluation', () => {
  it.each<{ expression: string; context: Context; message: string }>([
    {
      expression: 'assert(x, x > 5)',
      context: { x: 4 },
      message: `Assertion failure on evaluate the expression 'assert(x, x > 5)': The condition is not fulfilled${WARNINGS}[ASSERT_FAILURE] The condition is not fulfilled`,
    },
    {
      expression: 'assert(x, x != null, "x is required")',
      context: {},
      message:
        `Assertion failure on evaluate the expression 'assert(x, x != null, "x is required")': x is required${WARNINGS}` +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'\n[NO_VARIABLE_FOUND] No variable found with name 'x'\n[ASSERT_FAILURE] x is required",
    },
    {
      expression: '{o_var_1: assert(some_var, some_var != null)}',
      context: {},
      message:
        `Assertion failure on evaluate the expression '{o_var_1: assert(some_var, some_var != null)}': The condition is not fulfilled${WARNINGS}` +
        "[NO_VARIABLE_FOUND] No variable found with name 'some_var'\n[NO_VARIABLE_FOUND] No variable found with name 'some_var'\n[ASSERT_FAILURE] The condition is not fulfilled",
    },
  ])('$expression', ({ expression, context, message }) => {
    expect(evaluateExpression(expression, context)).toEqual({ ok: false, message });
  });
});

describe('evaluateUnaryTests (DMN input entries)', () => {
  it.each<{ tests: string; input: unknown; context?: Context; expected: boolean }>([
    { tests: '> 5', input: 6, expected: true },
    { tests: '> 5', input: 5, expected: false },
    { tests: '"Hund","Katze"', input: 'Katze', expected: true },
    { tests: '"Hund","Katze"', input: 'Pferd', expected: false },
    { tests: '[1..10]', input: 10, expected: true },
    { tests: '[1..10)', input: 10, expected: false },
    { tests: 'not("Hund")', input: 'Katze', expected: true },
    { tests: '-', input: 42, expected: true },
    { tests: '', input: 42, expected: true },
    { tests: '< limit', input: 3, context: { limit: 5 }, expected: true },
    { tests: '? > 2', input: 3, expected: true },
    { tests: 'is defined(?)', input: null, expected: false },
  ])('$input against $tests → $expected', ({ tests, input, context = {}, expected }) => {
    expect(evaluateUnaryTests(tests, input, context)).toEqual({ ok: true, value: expected });
  });

  it('rejects broken unary tests with the parse position', () => {
    expect(evaluateUnaryTests('[1..', 1, {})).toEqual({
      ok: false,
      message: `failed to parse expression '[1..': Incomplete <Interval>:1:5, found ""`,
    });
  });
});

describe('LruCache', () => {
  it('forgets the least recently used entry first', () => {
    // given a full cache whose first entry was read recently
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    // when a third entry comes in
    cache.set('c', 3);
    // then the entry read least recently is gone
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([
      1,
      undefined,
      3,
      2,
    ]);
  });
});
