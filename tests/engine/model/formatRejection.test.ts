import { describe, expect, it } from 'vitest';
import {
  type ModelError,
  formatDeploymentRejection,
  formatResourceErrors,
  transformBpmn,
} from '../../../engine/src/model';
import { START, flow, processXml } from './bpmn';

describe('the deployment rejection text', () => {
  it('matches Zeebe: header, resource name, element groups, indented errors, a newline after each', async () => {
    // given a resource with problems on three elements, one of them in an extension element
    const xml = processXml(
      `${START}<bpmn:serviceTask id="task" /><bpmn:serviceTask id="typed"><bpmn:extensionElements><zeebe:taskDefinition type="" /></bpmn:extensionElements></bpmn:serviceTask>${flow('f1', 'start', 'task')}${flow('f2', 'task', 'typed')}`,
    );
    const result = await transformBpmn('order.bpmn', xml);
    if (result.ok) throw new Error('expected errors');
    // when
    const text = formatDeploymentRejection([{ resourceName: 'order.bpmn', errors: result.errors }]);
    // then
    expect(text).toBe(
      'Expected to deploy new resources, but encountered the following errors:\n' +
        "'order.bpmn': - Element: task\n" +
        "    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n" +
        '- Element: typed > extensionElements > taskDefinition\n' +
        "    - ERROR: Attribute 'type' must be present and not empty\n" +
        '    - ERROR: Expected expression but not found.\n',
    );
  });

  it('lists every failed resource on its own line', () => {
    const text = formatDeploymentRejection([
      {
        resourceName: 'a.bpmn',
        errors: [{ elementId: 'p', message: 'Must have at least one start event' }],
      },
      { resourceName: 'ok.bpmn', errors: [] },
      {
        resourceName: 'b.bpmn',
        errors: [
          {
            elementId: '',
            message: 'Fatal Error: URI=null Line=1: Premature end of file.',
            kind: 'resource',
          },
        ],
      },
    ]);
    expect(text).toBe(
      'Expected to deploy new resources, but encountered the following errors:\n' +
        "'a.bpmn': - Element: p\n    - ERROR: Must have at least one start event\n" +
        "\n'b.bpmn': Fatal Error: URI=null Line=1: Premature end of file.",
    );
  });

  it('cuts the validation results at the size limit like Zeebe (validatorsResultsOutputMaxSize)', () => {
    // given 10 errors of 36 bytes each ("- Element: eN\n" + "    - ERROR: broken\n" = 14 + 20 + …)
    const errors: ModelError[] = Array.from({ length: 10 }, (_, i) => ({
      elementId: `e${i}`,
      message: 'broken',
    }));
    // when
    const text = formatResourceErrors('x.bpmn', errors, 120);
    // then
    expect(text).toBe(
      "'x.bpmn': - Element: e0\n    - ERROR: broken\n- Element: e1\n    - ERROR: broken\nand 8 more errors and/or warnings",
    );
  });

  it('prints everything when it fits exactly', () => {
    const errors: ModelError[] = [{ elementId: 'e0', message: 'broken' }];
    expect(formatResourceErrors('x.bpmn', errors, 34)).toBe(
      "'x.bpmn': - Element: e0\n    - ERROR: broken\n",
    );
  });
});
