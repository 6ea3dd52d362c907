import { describe, expect, it } from 'vitest';
import { parseDeploymentRejection } from '../../../server/src/processes/deploymentErrors';

const PREFIX = 'Expected to deploy new resources, but encountered the following errors:';

describe('parseDeploymentRejection', () => {
  it.each([
    {
      case: 'one element, one error',
      text: `${PREFIX}\n'order.bpmn': - Element: task\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n`,
      problems: [
        {
          resource: 'order.bpmn',
          elementId: 'task',
          message: "Must have exactly one 'zeebe:taskDefinition' extension element",
        },
      ],
    },
    {
      case: 'a path names the element before " > "; two errors of one element',
      text:
        `${PREFIX}\n'order.bpmn': - Element: typed > extensionElements > taskDefinition\n` +
        '    - ERROR: first\n    - ERROR: second\n- Element: flow > conditionExpression\n' +
        "    - ERROR: failed to parse expression 'a &'\n",
      problems: [
        { resource: 'order.bpmn', elementId: 'typed', message: 'first' },
        { resource: 'order.bpmn', elementId: 'typed', message: 'second' },
        { resource: 'order.bpmn', elementId: 'flow', message: "failed to parse expression 'a &'" },
      ],
    },
    {
      case: 'several resources, one of them a problem of the whole file',
      text:
        `${PREFIX}\n'a.bpmn': - Element: p\n    - ERROR: Must have at least one start event\n` +
        "\n'b.form': Expected the form to have an id\n\n'c.txt': unknown resource type",
      problems: [
        { resource: 'a.bpmn', elementId: 'p', message: 'Must have at least one start event' },
        { resource: 'b.form', elementId: null, message: 'Expected the form to have an id' },
        { resource: 'c.txt', elementId: null, message: 'unknown resource type' },
      ],
    },
    {
      case: 'the gRPC status prefix and the "more errors" trailer are ignored',
      text: `3 INVALID_ARGUMENT: Command 'CREATE' rejected with code 'INVALID_ARGUMENT': ${PREFIX}\n'x.bpmn': - Element: e0\n    - ERROR: broken\nand 8 more errors and/or warnings`,
      problems: [{ resource: 'x.bpmn', elementId: 'e0', message: 'broken' }],
    },
  ])('$case', ({ text, problems }) => {
    expect(parseDeploymentRejection(text)).toEqual(problems);
  });

  it('answers undefined for any other text', () => {
    expect(parseDeploymentRejection('14 UNAVAILABLE: No connection established')).toBeUndefined();
  });
});
