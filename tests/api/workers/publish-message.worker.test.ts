/**
 * Job type `publish-message` against the engine over gRPC: the message reaches the waiting
 * instance of the target tenant, a retry with the same message id counts as published, and
 * what retrying cannot mend (no message name, a bad duration, variables) is an incident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLISH_MESSAGE,
  durationMs,
  publishMessage,
  type PublishMessageDeps,
} from '../../../server/src/workers/publish-message.worker';
import { startTestEngine, type TestEngine } from '../../engine/harness';
import { jobOf } from './jobs';

const CATCH = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:message id="m" name="statement-ready">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=key" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="awaits-statement" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:receiveTask id="wait" messageRef="m" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

let engine: TestEngine;
let deps: PublishMessageDeps;

beforeAll(async () => {
  engine = await startTestEngine({ multiTenancy: true });
  deps = {
    publish: (message) =>
      engine.zeebe.publishMessage(message as Parameters<TestEngine['zeebe']['publishMessage']>[0]),
    multiTenancy: true,
  };
  await engine.zeebe.deployResource({
    process: Buffer.from(CATCH),
    name: 'awaits-statement.bpmn',
    tenantId: 'luzern',
  });
});

afterAll(async () => {
  await engine?.close();
});

const job = (
  variables: Record<string, unknown>,
  messageName: string | undefined = 'statement-ready',
) =>
  jobOf(PUBLISH_MESSAGE, variables, {
    tenantId: 'kanton',
    customHeaders: messageName ? { messageName } : {},
  });

describe('publish-message', () => {
  it('publishes to the target tenant; the waiting instance goes on with the variables', async () => {
    // given an instance of Luzern waiting for the statement of its case
    const finished = engine.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'awaits-statement',
      tenantId: 'luzern',
      variables: { key: 'LU-2026-000001/umwelt-und-energie' },
      requestTimeout: 20_000,
    });

    // when the canton's job publishes the answer, twice with the same id (a retry)
    const variables = {
      correlationKey: 'LU-2026-000001/umwelt-und-energie',
      messageId: 'LU-2026-000001/umwelt-und-energie/statement',
      targetTenantId: 'luzern',
      timeToLive: 'P30D',
      messageVariables: { statement: { verdict: 'approve' } },
    };
    expect(await publishMessage(job(variables), deps)).toEqual({ kind: 'complete', variables: {} });
    expect(await publishMessage(job(variables), deps)).toEqual({ kind: 'complete', variables: {} });

    // (the engine refused the second as a duplicate, which the worker counts as published)
    await expect(
      deps.publish({
        name: 'statement-ready',
        correlationKey: variables.correlationKey,
        messageId: variables.messageId,
        timeToLive: 60_000,
        variables: {},
        tenantId: 'luzern',
      }),
    ).rejects.toMatchObject({ code: 6 });

    // then the instance completed with the message's variables
    expect((await finished).variables).toMatchObject({ statement: { verdict: 'approve' } });
  });

  it('without a target tenant, publishes in the tenant of its own instance', async () => {
    const finished = engine.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'awaits-statement',
      tenantId: 'luzern',
      variables: { key: 'LU-2026-000002/own' },
      requestTimeout: 20_000,
    });
    const own = jobOf(
      PUBLISH_MESSAGE,
      { correlationKey: 'LU-2026-000002/own', timeToLive: 'PT1H' },
      {
        tenantId: 'luzern',
        customHeaders: { messageName: 'statement-ready' },
      },
    );
    expect(await publishMessage(own, deps)).toEqual({ kind: 'complete', variables: {} });
    expect((await finished).variables).toMatchObject({ key: 'LU-2026-000002/own' });
  });

  it.each([
    ['no message name', { correlationKey: 'k' }, '', 'the task has no header messageName'],
    ['a bad duration', { correlationKey: 'k', timeToLive: 'P1M' }, 'x', 'timeToLive P1M'],
    ['no correlation key', {}, 'x', 'correlationKey'],
    [
      'variables that are no object',
      { correlationKey: 'k', messageVariables: [1] },
      'x',
      'messageVariables',
    ],
  ])('%s is an incident', async (_, variables, name, message) => {
    const outcome = await publishMessage(job(variables, name), deps);
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect((outcome as { message: string }).message).toContain(message);
  });

  it('a tenant the engine does not serve is an incident, not a retry', async () => {
    const outcome = await publishMessage(
      job({ correlationKey: 'k', targetTenantId: 'not a tenant!' }),
      deps,
    );
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
  });
});

describe('message time to live', () => {
  it.each([
    ['P30D', 30 * 86_400_000],
    ['PT12H', 12 * 3_600_000],
    ['P1DT2H30M', 86_400_000 + 2 * 3_600_000 + 30 * 60_000],
    ['PT1.5S', 1500],
    ['P2W', 14 * 86_400_000],
    [60_000, 60_000],
    ['P1M', undefined],
    ['P', undefined],
    ['P1DT', undefined],
    ['30 days', undefined],
    [-1, undefined],
  ] as const)('%s is %s ms', (value, ms) => {
    expect(durationMs(value)).toBe(ms);
  });
});
