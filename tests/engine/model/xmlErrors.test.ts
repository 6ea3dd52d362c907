import { describe, expect, it } from 'vitest';
import { formatDeploymentRejection, transformBpmn } from '../../../engine/src/model';
import { START, definitions, flow, processXml } from './bpmn';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';

describe('XML that is not well-formed or not BPMN', () => {
  it.each([
    ['empty resource', '', 'Fatal Error: URI=null Line=1: Premature end of file.'],
    [
      'text instead of XML',
      'not a process',
      'Fatal Error: URI=null Line=1: Content is not allowed in prolog.',
    ],
    [
      'truncated document',
      `<?xml version="1.0"?>\n<bpmn:definitions ${NS}>\n<bpmn:process id="p">`,
      'Fatal Error: URI=null Line=3: XML document structures must start and end within the same entity.',
    ],
    [
      'mismatched end-tag',
      `<bpmn:definitions ${NS}>\n<bpmn:process id="p">\n</bpmn:task>\n</bpmn:definitions>`,
      'Fatal Error: URI=null Line=3: The element type "bpmn:process" must be terminated by the matching end-tag "</bpmn:process>".',
    ],
    [
      'another XML vocabulary',
      '<?xml version="1.0"?>\n<form xmlns="urn:example"><field /></form>',
      "Error: URI=null Line=1: cvc-elt.1.a: Cannot find the declaration of element 'form'.",
    ],
    [
      'duplicate ids',
      processXml(`${START}\n<bpmn:task id="start" />`),
      "Error: URI=null Line=5: cvc-id.2: There are multiple occurrences of ID value 'start'.",
    ],
    [
      'unknown BPMN element',
      processXml(`${START}\n<bpmn:fooTask id="x" />`),
      "Error: URI=null Line=5: cvc-complex-type.2.4.a: Invalid content was found starting with element 'bpmn:fooTask'.",
    ],
    [
      'attribute the BPMN schema does not know',
      processXml(`${START}\n<bpmn:task id="t" colour="red" />`),
      "Error: URI=null Line=5: cvc-complex-type.3.2.2: Attribute 'colour' is not allowed to appear in element 'bpmn:task'.",
    ],
    [
      'sequence flow to an element that does not exist',
      processXml(`${START}${flow('f1', 'start', 'nowhere')}`),
      "Error: URI=null Line=7: cvc-id.1: There is no ID/IDREF binding for IDREF 'nowhere'.",
    ],
  ])('%s is rejected as a whole, never thrown', async (_case, xml, message) => {
    // when
    const result = await transformBpmn('broken.bpmn', xml);
    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ kind: 'resource', message });
    expect(
      formatDeploymentRejection([{ resourceName: 'broken.bpmn', errors: result.errors }]),
    ).toBe(
      `Expected to deploy new resources, but encountered the following errors:\n'broken.bpmn': ${message}`,
    );
  });

  it('names the element of a duplicate id', async () => {
    const result = await transformBpmn('p.bpmn', processXml(`${START}<bpmn:task id="start" />`));
    expect(!result.ok && result.errors[0]?.elementId).toBe('start');
  });

  it('accepts unknown elements and attributes of other namespaces', async () => {
    const xml = definitions(
      `<bpmn:process id="p" isExecutable="true" xmlns:modeler="http://camunda.org/schema/modeler/1.0" modeler:colour="red"><bpmn:extensionElements><zeebe:somethingNew /></bpmn:extensionElements>${START}</bpmn:process>`,
    );
    const result = await transformBpmn('p.bpmn', xml);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(
    [
      [
        '<',
        '<?xml',
        '<bpmn:definitions',
        '<<>>',
        '&amp;',
        '<a><b></a>',
        '\u0000',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      ],
    ].flat(),
  )('never throws for %j', async (xml) => {
    await expect(transformBpmn('fuzz.bpmn', xml)).resolves.toMatchObject({ ok: false });
  });
});
