/**
 * Resource binding types over gRPC (Camunda 8.6): which version of a called process a call
 * activity starts (`zeebe:calledElement bindingType` latest, deployment, versionTag with the
 * process's `zeebe:versionTag`), and which version of a linked form a user task names
 * (`zeebe:formDefinition bindingType` latest, deployment, versionTag with the form's `versionTag`).
 */
import { readFile } from 'node:fs/promises';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, type TestEngine } from '../harness';
import { records } from '../processing/support';

interface DeployResponse {
  deployments: { process?: { version: number }; form?: { formKey: string } }[];
}

describe('binding types', () => {
  let t: TestEngine;
  let firstFormKey: string;
  let latestFormKey: string;

  const deploy = async (...names: string[]) =>
    t.gateway.unary<DeployResponse>('DeployResource', {
      resources: await Promise.all(
        names.map(async (name) => ({ name, content: await readFile(bpmn(import.meta.url, name)) })),
      ),
    });

  beforeAll(async () => {
    t = await startTestEngine();
    // the parent, version 1 of the child (tag v1) and version 1 of the form in one deployment
    const first = await deploy(
      'binding-parent.bpmn',
      'binding-child.bpmn',
      'dog-registration.form',
    );
    firstFormKey = first.deployments.find((d) => d.form)!.form!.formKey;
    // later: version 2 of the child (tag v2) and of the form
    await deploy('binding-child-v2.bpmn');
    const changed = await deploy('dog-registration-changed.form');
    latestFormKey = changed.deployments[0]!.form!.formKey;
  });
  afterAll(async () => {
    await t?.close();
  });

  const jobsOf = (type: string) =>
    t.zeebe.activateJobs({
      type,
      worker: 'binding-test',
      maxJobsToActivate: 10,
      timeout: 30_000,
      requestTimeout: -1,
    });

  test('a call activity starts the latest version, the one of its deployment, or the one with its version tag', async () => {
    // when
    await t.zeebe.createProcessInstance({ bpmnProcessId: 'binding-parent', variables: {} });

    // then
    const started = (await jobsOf('binding-work')).map((job) => [
      job.variables.via,
      job.processDefinitionVersion,
    ]);
    expect(started.sort()).toEqual([
      ['deployment', 1],
      ['latest', 2],
      ['tagged', 1],
    ]);
  });

  test('a user task names the latest version of its linked form, or the one of its deployment', async () => {
    // when
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'binding-parent',
      variables: {},
    });

    // then
    const formKeys = Object.fromEntries(
      (await jobsOf('io.camunda.zeebe:userTask'))
        .filter((job) => job.processInstanceKey === processInstanceKey)
        .map((job) => [job.elementId, job.customHeaders['io.camunda.zeebe:formKey']]),
    );
    expect(formKeys).toEqual({ formLatest: latestFormKey, formDeployment: firstFormKey });
    expect(latestFormKey).not.toBe(firstFormKey);
  });

  test('no process with the version tag raises a CALLED_ELEMENT_ERROR incident', async () => {
    // when
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'binding-missing-tag',
      variables: {},
    });

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value).toMatchObject({
      errorType: 'CALLED_ELEMENT_ERROR',
      elementId: 'missing',
      errorMessage:
        "Expected to call process with BPMN process id 'binding-child' and version tag 'v9', but no such process found. To resolve this incident, deploy a process with the given process id and version tag.",
    });
  });

  test('a user task with bindingType versionTag names the latest form version with that tag', async () => {
    // given version 1 (tag v1) deployed with the process, then version 2 (tag v2)
    const first = await deploy('binding-form-tag.bpmn', 'parking-permit-v1.form');
    const taggedFormKey = first.deployments.find((d) => d.form)!.form!.formKey;
    const second = await deploy('parking-permit-v2.form');
    expect(second.deployments[0]!.form!.formKey).not.toBe(taggedFormKey);

    // when
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'binding-form-tagged',
      variables: {},
    });

    // then
    const [job] = (await jobsOf('io.camunda.zeebe:userTask')).filter(
      (j) => j.processInstanceKey === processInstanceKey,
    );
    expect(job?.customHeaders['io.camunda.zeebe:formKey']).toBe(taggedFormKey);
    // the form's version tag is kept with it, as in Zeebe's form record
    const created = (await records(t.knex)).filter(
      (r) =>
        r.valueType === 'FORM' && r.intent === 'CREATED' && r.value.formId === 'parking-permit',
    );
    expect(created.map((r) => [r.value.version, r.value.versionTag])).toEqual([
      [1, 'v1'],
      [2, 'v2'],
    ]);
    const stored = (await t.knex
      .withSchema('engine')
      .from('forms')
      .where('form_id', 'parking-permit')
      .orderBy('version')
      .select('version_tag')) as { version_tag: string }[];
    expect(stored.map((row) => row.version_tag)).toEqual(['v1', 'v2']);
  });

  test('no form with the version tag raises a FORM_NOT_FOUND incident', async () => {
    // when
    const { processInstanceKey } = await t.zeebe.createProcessInstance({
      bpmnProcessId: 'binding-form-missing-tag',
      variables: {},
    });

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value).toMatchObject({
      errorType: 'FORM_NOT_FOUND',
      elementId: 'reviewMissing',
      errorMessage:
        "Expected to use a form with id 'parking-permit' and version tag 'v9', but no such form found. To resolve the incident, deploy a form with the given id and version tag.",
    });
  });

  const callActivity = (attributes: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://serviceportal.test">
  <bpmn:process id="binding-invalid" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="call" />
    <bpmn:callActivity id="call">
      <bpmn:extensionElements><zeebe:calledElement processId="binding-child" ${attributes} /></bpmn:extensionElements>
    </bpmn:callActivity>
  </bpmn:process>
</bpmn:definitions>`);

  test.each([
    [
      'bindingType="newest"',
      "Attribute 'bindingType' must be one of: deployment, latest, versionTag",
    ],
    [
      'bindingType="versionTag"',
      "Attribute 'versionTag' must be present and not empty if 'bindingType' is 'versionTag'",
    ],
    ['versionTag="v1"', "Attribute 'versionTag' may only be used if 'bindingType' is 'versionTag'"],
  ])('refuses a called element with %s at deployment', async (attributes, message) => {
    // when
    const failure = await grpcFailure(
      t.gateway.unary('DeployResource', {
        resources: [{ name: 'binding-invalid.bpmn', content: callActivity(attributes) }],
      }),
    );

    // then
    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.details).toContain(`ERROR: ${message}`);
  });
});
