import pino from 'pino';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngineState } from '../../../engine/src/state/EngineState';
import type { CommandProcessorTable } from '../../../engine/src/processing/CommandProcessors';
import {
  ProcessingContext,
  type CommandResponder,
} from '../../../engine/src/processing/ProcessingContext';
import { StreamProcessor } from '../../../engine/src/processing/StreamProcessor';
import { Writers } from '../../../engine/src/processing/Writers';
import {
  accepted,
  activateOne,
  createInstance,
  deploy,
  isCompleted,
  startEngine,
  type EngineHarness,
} from './support';

describe('stream processor', () => {
  /** A table with a processor that writes a variable and one that writes one and then throws. */
  function setup() {
    const state = new EngineState();
    const writers = new Writers(state);
    const ctx = new ProcessingContext(state, writers, { jobsAvailable: () => {} });
    const owner = {
      processInstanceKey: '1',
      processDefinitionKey: '2',
      bpmnProcessId: 'p',
      tenantId: '<default>',
    };
    const setVariable = (name: string) =>
      writers.appendEvent(state.keys.nextKey(), 'VARIABLE', 'CREATED', {
        ...owner,
        name,
        value: '1',
        scopeKey: '1',
      });
    const processors: CommandProcessorTable = new Map([
      [
        'VARIABLE_DOCUMENT:UPDATE',
        {
          process: (_c, c) => {
            setVariable('good');
            c.respond('ok');
          },
        },
      ],
      [
        'SIGNAL:BROADCAST',
        {
          process: () => {
            setVariable('bad');
            throw new Error('boom');
          },
        },
      ],
    ]);
    const stream = new StreamProcessor(state, ctx, processors, pino({ level: 'silent' }));
    return { state, stream };
  }

  test('a command that throws is rolled back alone and rejected as PROCESSING_ERROR; the others stand', () => {
    // given
    const { state, stream } = setup();
    const first: CommandResponder = {};
    const failing: CommandResponder = {};
    const last: CommandResponder = {};

    // when
    stream.process(
      { key: '-1', valueType: 'VARIABLE_DOCUMENT', intent: 'UPDATE', value: {} },
      first,
    );
    stream.process({ key: '-1', valueType: 'SIGNAL', intent: 'BROADCAST', value: {} }, failing);
    stream.process(
      { key: '-1', valueType: 'VARIABLE_DOCUMENT', intent: 'UPDATE', value: {} },
      last,
    );

    // then
    expect(first.response).toEqual({ ok: true, value: 'ok' });
    expect(last.response).toEqual({ ok: true, value: 'ok' });
    expect(failing.response).toEqual({
      ok: false,
      rejection: {
        intent: 'BROADCAST',
        type: 'PROCESSING_ERROR',
        reason:
          "Expected to process record 'SIGNAL BROADCAST' without errors, but exception occurred with message 'boom'.",
      },
    });
    expect(state.variables.getLocals('1').map((v) => v.name)).toEqual(['good', 'good']);
    const log = state.log.batch.map(
      (r) => `${r.position} ${r.recordType} ${r.valueType} ${r.intent}`,
    );
    expect(log).toEqual([
      '1 COMMAND VARIABLE_DOCUMENT UPDATE',
      '2 EVENT VARIABLE CREATED',
      '3 COMMAND SIGNAL BROADCAST',
      '4 COMMAND_REJECTION SIGNAL BROADCAST',
      '5 COMMAND VARIABLE_DOCUMENT UPDATE',
      '6 EVENT VARIABLE CREATED',
    ]);
  });
});

describe('command loop', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'one-task.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  test('when writing a batch fails, its commands get an error, the state is reloaded, and the engine goes on', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'one-task');
    const job = await activateOne(t.engine, 'work');
    await t.knex.raw('alter table engine.records rename to records_away');

    // when
    const failed = await t.engine.completeJob(job.key, { outcome: 'lost' });
    await t.knex.raw('alter table engine.records_away rename to records');

    // then
    expect(failed).toEqual({
      ok: false,
      rejection: expect.objectContaining({
        intent: 'COMPLETE',
        type: 'PROCESSING_ERROR',
      }) as unknown,
    });
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    accepted(await t.engine.completeJob(job.key, { outcome: 'kept' }));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });
});
