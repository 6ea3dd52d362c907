import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activateOne,
  createInstance,
  deploy,
  isCompleted,
  records,
  startEngine,
  type EngineHarness,
} from './support';

describe('variables', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'subprocess-mappings.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  test('input mappings create local variables of the subprocess; job variables update the nearest scope that has them', async () => {
    // given
    await createInstance(t.engine, 'subprocess-mappings', { base: 1 });

    // when
    const work = await activateOne(t.engine, 'sub-work');

    // then the task sees the subprocess's local variables and the root's
    expect(work.variables).toEqual({ base: 1, inner: 2, draft: null });

    // when the job sets an existing local variable (draft) and a new one (note)
    accepted(await t.engine.completeJob(work.key, { draft: { total: 21 }, note: 'checked' }));

    // then the output mappings write to the flow scope; locals do not leak
    const after = await activateOne(t.engine, 'after');
    expect(after.variables).toEqual({
      base: 1,
      note: 'checked',
      result: 42,
      summary: { inner: 2 },
    });
  });

  test('SetVariables: local stays on the scope, propagate updates the scope that has the variable', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'subprocess-mappings', { base: 1 });
    const work = await activateOne(t.engine, 'sub-work');

    // when
    accepted(
      await t.engine.setVariables(work.elementInstanceKey, { base: 10, onlyHere: true }, true),
    );
    accepted(await t.engine.setVariables(work.elementInstanceKey, { inner: 5, fresh: 'x' }, false));

    // then
    const visible = await t.knex
      .withSchema('engine')
      .from('variables')
      .select('scope_key', 'name', 'value')
      .orderBy(['scope_key', 'name']);
    const byScope = (scope: string) =>
      Object.fromEntries(
        (visible as { scope_key: string; name: string; value: unknown }[])
          .filter((v) => v.scope_key === scope)
          .map((v) => [v.name, v.value]),
      );
    expect(byScope(work.elementInstanceKey)).toEqual({ base: 10, onlyHere: true });
    expect(byScope(processInstanceKey)).toEqual({ base: 1, fresh: 'x' });
    const subprocessScope = (visible as { scope_key: string; name: string }[]).find(
      (v) => v.name === 'inner',
    )?.scope_key;
    expect(byScope(subprocessScope!)).toEqual({ inner: 5, draft: null });
  });

  test('SetVariables on an unknown scope is NOT_FOUND', async () => {
    const result = await t.engine.setVariables('2251799813999999', { a: 1 }, false);
    expect(result).toEqual({
      ok: false,
      rejection: {
        intent: 'UPDATE',
        type: 'NOT_FOUND',
        reason:
          "Expected to update variables for element with key '2251799813999999', but no such element was found",
      },
    });
  });

  test('a failing input mapping is an IO_MAPPING_ERROR incident; resolving re-runs the activation', async () => {
    // given
    await deploy(t.engine, 'mapping-incident.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'mapping-incident');

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({ errorType: 'IO_MAPPING_ERROR', elementId: 'decide' }),
    );
    expect(String(incident?.value.errorMessage)).toContain(
      'Assertion failure on evaluate the expression',
    );

    // when
    accepted(await t.engine.setVariables(processInstanceKey, { applicant: 'Anna' }, false));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    const job = await activateOne(t.engine, 'decide');
    expect(job.variables).toEqual({ applicant: 'Anna', person: 'Anna' });
  });

  test('a failing output mapping is an incident in completion; resolving re-runs the completion', async () => {
    // given
    await deploy(t.engine, 'mapping-incident.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'mapping-incident', {
      applicant: 'Anna',
    });
    const job = await activateOne(t.engine, 'decide');

    // when
    accepted(await t.engine.completeJob(job.key, { note: 'no decision yet' }));

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({ errorType: 'IO_MAPPING_ERROR', elementId: 'decide' }),
    );
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);

    // when
    accepted(await t.engine.setVariables(job.elementInstanceKey, { decision: 'granted' }, true));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    const rootVariables = (await records(t.knex, processInstanceKey))
      .filter((r) => r.valueType === 'VARIABLE' && r.value.scopeKey === processInstanceKey)
      .map((r) => r.value.name);
    expect(rootVariables).toEqual(['applicant', 'outcome']);
  });
});
