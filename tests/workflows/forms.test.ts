/**
 * The Camunda Forms of workflows/: well-formed for Camunda 8.6, imported by form-js as the
 * portal will import them, labelled in German with English in i18n/en.json, and reading only
 * variables that exist where they are shown.
 */
import { describe, expect, it } from 'vitest';
import { formInputVariables, formJsSchemaVersion, importForm } from './formJs';
import { componentsOf, formTexts, templatesOf, type ComponentTexts } from './formTexts';
import { forms, serviceOf, services, variablesOf } from './workflowSuite';

const INPUT_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'datetime',
  'select',
  'radio',
  'checkbox',
  'checklist',
  'taglist',
  'filepicker',
]);

describe('forms', () => {
  it.each(forms)('$service/$name is a Camunda Form for Camunda 8.6', ({ name, schema }) => {
    expect(schema).toMatchObject({
      id: name.replace(/\.form$/, ''),
      type: 'default',
      executionPlatform: 'Camunda Cloud',
      executionPlatformVersion: '8.6.0',
      schemaVersion: expect.any(Number),
      components: expect.any(Array),
    });
    expect(schema.schemaVersion).toBeLessThanOrEqual(formJsSchemaVersion());
  });

  it.each(forms)('$service/$name imports into form-js', async ({ schema }) => {
    // when
    const form = await importForm(schema);
    // then every component became a field of the registry (no unknown types, no clashes)
    expect(form.fields.length).toBe(componentsOf(schema).length + 1);
    form.destroy();
  });

  it.each(forms)('$service/$name labels every input in German', ({ schema }) => {
    const unlabelled = componentsOf(schema)
      .filter((component) => INPUT_TYPES.has(String(component.type)))
      .filter((component) => !(component.label ?? component.dateLabel))
      .map((component) => component.id);
    expect(unlabelled).toEqual([]);
  });

  it.each(services)(
    '$id: the start form asks for the applicant (name and e-mail, required)',
    async (service) => {
      const start = service.forms.find(
        (form) => form.content.id === service.parsedManifest?.startFormId,
      );
      expect(start, 'the start form').toBeDefined();
      const form = await importForm(start?.content);
      for (const path of ['applicant.firstName', 'applicant.lastName', 'applicant.email']) {
        expect(form.validate(path, ''), path).toContain('Field is required.');
      }
      expect(form.validate('applicant.email', 'not an address')).toEqual([
        'Field must be a valid email.',
      ]);
      form.destroy();
    },
  );

  it.each(services)(
    '$id: i18n/en.json translates exactly the texts of its forms',
    ({ forms: ofService, en }) => {
      // given
      const german = Object.fromEntries(
        ofService.map((form) => [String(form.content.id), formTexts(form.content)]),
      );
      const english =
        (en as { forms?: Record<string, Record<string, ComponentTexts>> } | undefined)?.forms ?? {};
      const shape = (texts: Record<string, Record<string, ComponentTexts>>) =>
        Object.entries(texts)
          .flatMap(([formId, components]) =>
            Object.entries(components).flatMap(([componentId, entry]) =>
              Object.entries(entry).flatMap(([property, value]) =>
                typeof value === 'string'
                  ? [`${formId}/${componentId}/${property}`]
                  : Object.keys(value).map((v) => `${formId}/${componentId}/${property}/${v}`),
              ),
            ),
          )
          .sort();
      // then the same keys, English not left German, and the same {{templates}}
      expect(shape(english)).toEqual(shape(german));
      for (const [formId, components] of Object.entries(english)) {
        for (const [componentId, entry] of Object.entries(components)) {
          for (const [property, value] of Object.entries(entry)) {
            if (typeof value !== 'string') continue;
            const original = german[formId]?.[componentId]?.[property];
            expect(value.trim(), `${formId}/${componentId}/${property}`).not.toBe('');
            if (typeof original === 'string')
              expect(templatesOf(value), `${formId}/${componentId}`).toEqual(templatesOf(original));
          }
        }
      }
    },
  );

  it.each(forms)(
    '$service/$name reads only its own fields or variables of the process',
    ({ service, schema }) => {
      // given the variables where the form is shown: the start form before the case exists,
      // a task form in the process that links it
      const folder = serviceOf(service);
      const own = folder.formShapes.get(String(schema.id)) ?? {};
      const isStart = folder.parsedManifest?.startFormId === schema.id;
      const linking = folder.processes.filter(({ model }) =>
        model.userTasks.some((task) => task.formId === schema.id),
      );
      const known = new Set([
        ...Object.keys(own),
        ...(isStart ? [] : linking.flatMap((process) => Object.keys(variablesOf(process)))),
      ]);
      // then
      expect(isStart || linking.length > 0, 'the form is used').toBe(true);
      expect(formInputVariables(schema).filter((name) => !known.has(name))).toEqual([]);
    },
  );
});
