/**
 * The variables the models' FEEL reads exist: a condition or mapping reads the start form's
 * fields, the task forms' fields, what the process writes, what the server sets at the start,
 * or what workers and messages bring (processContracts.ts) — with the entries they have. A typo
 * (applicant.fristName) would otherwise only show as a null at run time.
 */
import { describe, expect, it } from 'vitest';
import { readVariables, unknownReads } from './feelVariables';
import { processes, serviceOf, variablesOf } from './workflowSuite';

const conditions = processes.flatMap((process) =>
  process.model.conditions.map((condition) => ({
    ...condition,
    process,
    service: process.service,
  })),
);

describe('variables read by FEEL', () => {
  it.each(conditions)(
    '$service: the condition of $elementId reads variables the process has',
    ({ feel, process }) => {
      expect(unknownReads(feel, variablesOf(process))).toEqual([]);
    },
  );

  it.each(processes)(
    '$service/$processId: conditions on submitted data read fields of the start form',
    ({ service, model }) => {
      // given the fields of the start form, and what the process's other sources provide
      const folder = serviceOf(service);
      const startForm = folder.formShapes.get(folder.parsedManifest?.startFormId ?? '') ?? {};
      const taskFields = new Set(
        model.userTasks.flatMap((task) =>
          Object.keys(folder.formShapes.get(task.formId ?? '') ?? {}),
        ),
      );
      // when a condition reads a variable no task form, worker, decision or server provides
      const submitted = model.conditions.flatMap(({ feel }) =>
        readVariables(feel).filter(
          ({ name }) =>
            !taskFields.has(name) && !model.writtenVariables.has(name) && name !== 'submittedOn',
        ),
      );
      // then it is a field of the start form, entries included
      for (const { name, entries } of submitted) {
        expect(Object.keys(startForm), name).toContain(name);
        const shape = startForm[name];
        for (const entry of entries)
          expect(shape === '*' ? [entry] : shape, `${name}.${entry}`).toContain(entry);
      }
    },
  );

  it.each(processes)(
    '$service/$processId: every expression reads variables the process has',
    ({ model, ...process }) => {
      const known = variablesOf({ model, ...process });
      const unknown = model.expressions.flatMap(({ elementId, role, feel }) =>
        unknownReads(feel, known).map((name) => `${elementId} (${role}): ${name}`),
      );
      expect(unknown).toEqual([]);
    },
  );
});
