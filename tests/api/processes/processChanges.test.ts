import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeChanges } from '../../../server/src/processes/processChanges';
import type { ProcessResource } from '../../../server/src/processes/processResources';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows/permit-review');
const bpmn = fs.readFileSync(path.join(folder, 'permit-review.bpmn'), 'utf8');
const form = fs.readFileSync(path.join(folder, 'permit-review-decision.form'), 'utf8');

const deployed: ProcessResource[] = [
  { name: 'permit-review.bpmn', kind: 'process', content: bpmn },
  { name: 'permit-review-decision.form', kind: 'form', content: form },
];

function withBpmn(content: string): ProcessResource[] {
  return [{ ...deployed[0]!, content }, deployed[1]!];
}

describe('summarizeChanges', () => {
  it('finds nothing when nothing changed', async () => {
    expect(await summarizeChanges(deployed, deployed)).toEqual({ resources: [], elements: [] });
  });

  it('names a renamed task with its old name, and nothing else', async () => {
    // given the user task renamed
    const draft = withBpmn(bpmn.replace('name="Gesuch prüfen"', 'name="Gesuch beurteilen"'));
    // when
    const summary = await summarizeChanges(deployed, draft);
    // then
    expect(summary).toEqual({
      resources: [{ name: 'permit-review.bpmn', kind: 'process', change: 'changed' }],
      elements: [
        {
          resource: 'permit-review.bpmn',
          id: 'review',
          type: 'bpmn:UserTask',
          name: 'Gesuch beurteilen',
          change: 'changed',
          previousName: 'Gesuch prüfen',
          properties: ['name'],
        },
      ],
    });
  });

  it('ignores layout: a moved shape changes the file but no element', async () => {
    const draft = withBpmn(bpmn.replace('x="400" y="80"', 'x="420" y="90"'));
    const summary = await summarizeChanges(deployed, draft);
    expect(summary.resources).toHaveLength(1);
    expect(summary.elements).toEqual([]);
  });

  it('names a changed extension element (zeebe:TaskDefinition) by its type', async () => {
    const draft = withBpmn(bpmn.replace('type="permit-review-notify"', 'type="send-email"'));
    const summary = await summarizeChanges(deployed, draft);
    expect(summary.elements).toEqual([
      expect.objectContaining({
        id: 'notify',
        change: 'changed',
        properties: ['zeebe:TaskDefinition'],
      }),
    ]);
  });

  it('lists added and removed elements with their names', async () => {
    // given the service task and its outgoing flow replaced by a direct flow to the end
    const draft = withBpmn(
      bpmn
        .replace(/<bpmn:serviceTask id="notify"[\s\S]*?<\/bpmn:serviceTask>/, '')
        .replace('<bpmn:sequenceFlow id="to-end" sourceRef="notify" targetRef="end" />', '')
        .replace('targetRef="notify"', 'targetRef="end"')
        .replace(
          '<bpmn:endEvent id="end" name="Erledigt" />',
          '<bpmn:endEvent id="end" name="Erledigt" /><bpmn:task id="note" name="Notiz" />',
        ),
    );
    const summary = await summarizeChanges(deployed, draft);
    expect(summary.elements.map((e) => [e.change, e.id, e.name])).toEqual([
      ['added', 'note', 'Notiz'],
      ['changed', 'to-notify', null],
      ['removed', 'notify', 'Entscheid mitteilen'],
      ['removed', 'to-end', null],
    ]);
    expect(summary.elements[1]!.properties).toEqual(['targetRef']);
  });

  it('compares form components by id, named by label', async () => {
    const schema = JSON.parse(form) as { components: Record<string, unknown>[] };
    schema.components[1]!.label = 'Begründung';
    schema.components.push({ id: 'Field_date', type: 'datetime', key: 'date', label: 'Datum' });
    schema.components.splice(0, 1);
    const draft = [deployed[0]!, { ...deployed[1]!, content: JSON.stringify(schema) }];
    const summary = await summarizeChanges(deployed, draft);
    expect(summary.resources).toEqual([
      { name: 'permit-review-decision.form', kind: 'form', change: 'changed' },
    ]);
    expect(summary.elements.map((e) => [e.change, e.id, e.name, e.properties])).toEqual([
      ['added', 'Field_date', 'Datum', undefined],
      ['changed', 'Field_remark', 'Begründung', ['label']],
      ['removed', 'Field_decision', 'Entscheid', undefined],
    ]);
  });
});
