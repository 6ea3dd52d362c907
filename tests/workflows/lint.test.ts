/**
 * The BPMN models of workflows/: bpmnlint as the Camunda Modeler runs it for Camunda 8.6, and
 * the conventions of workflows/README.md (job-worker user tasks with a linked form and a
 * candidate group, the server's job types, public milestones from the manifest).
 */
import { describe, expect, it } from 'vitest';
import { readDmn } from './decisionTable';
import { lintBpmn } from './lintBpmn';
import {
  CITIZEN_GROUP,
  MILESTONE_HEADER,
  MILESTONE_ON_HEADER,
  WORKER_ERRORS,
  WORKER_OUTPUTS,
} from './processContracts';
import { processes, serviceOf, services } from './workflowSuite';

const bpmnFiles = services.flatMap((service) =>
  service.bpmn.map((file) => ({ service: service.id, name: file.name, xml: file.content })),
);

describe('bpmnlint: camunda-compat camunda-cloud-8-6 and bpmnlint:recommended', () => {
  it.each(bpmnFiles)('$service/$name has no errors and no warnings', async ({ xml }) => {
    // when
    const reports = await lintBpmn(xml);
    // then
    expect(reports).toEqual([]);
  });
});

describe('conventions of workflows/README.md', () => {
  it('every service folder has its BPMN', () => {
    expect(services.filter((service) => service.bpmn.length === 0).map((s) => s.id)).toEqual([]);
  });

  it.each(processes)(
    '$service/$processId: user tasks are job-worker user tasks with a linked form',
    ({ service, model }) => {
      const formIds = new Set(serviceOf(service).forms.map((form) => form.content.id));
      expect(model.hasZeebeUserTask).toBe(false);
      expect(
        model.userTasks
          .filter((task) => !task.formId || !formIds.has(task.formId))
          .map((t) => t.elementId),
      ).toEqual([]);
      expect(
        model.userTasks.filter((task) => !task.candidateGroups).map((t) => t.elementId),
      ).toEqual([]);
    },
  );

  it.each(processes)(
    '$service/$processId: candidate groups are citizen or groups the manifest declares',
    ({ service, model }) => {
      const declared = new Set([
        CITIZEN_GROUP,
        ...(serviceOf(service).parsedManifest?.groups.map((g) => g.id) ?? []),
      ]);
      const undeclared = model.userTasks
        .flatMap((task) =>
          task.candidateGroups?.startsWith('=') ? [] : (task.candidateGroups ?? '').split(','),
        )
        .map((group) => group.trim())
        .filter((group) => !declared.has(group));
      expect(undeclared).toEqual([]);
    },
  );

  it.each(processes)('$service/$processId: service tasks are the server workers', ({ model }) => {
    expect(model.jobs.map((job) => job.type).filter((type) => !(type in WORKER_OUTPUTS))).toEqual(
      [],
    );
  });

  it.each(processes)(
    '$service/$processId: generate-document names kind, template and result variable',
    ({ model }) => {
      const documents = model.jobs.filter((job) => job.type === 'generate-document');
      for (const job of documents) {
        expect(job.headers, job.elementId).toMatchObject({
          documentKind: expect.stringMatching(/^(decision|certificate)$/),
          template: expect.stringMatching(/^[a-z0-9-]+$/),
          resultVariable: expect.stringMatching(/^[A-Za-z_][A-Za-z0-9_]*$/),
        });
      }
    },
  );

  it.each(processes)(
    '$service/$processId: publish-message names the message, key, tenant and payload',
    ({ model }) => {
      for (const job of model.jobs.filter((candidate) => candidate.type === 'publish-message')) {
        expect(job.headers.messageName, job.elementId).toMatch(/^[a-z0-9-]+$/);
        expect(Object.keys(job.inputs).sort(), job.elementId).toEqual([
          'correlationKey',
          'messageId',
          'messageVariables',
          'targetTenantId',
          'timeToLive',
        ]);
      }
    },
  );

  it.each(processes)(
    '$service/$processId: errors caught are errors the workers throw',
    ({ model }) => {
      const thrown = new Set(Object.values(WORKER_ERRORS).flat());
      expect(model.errorCodes.filter((code) => !thrown.has(code))).toEqual([]);
    },
  );

  it.each(processes)(
    '$service/$processId: milestone headers name milestones of the manifest',
    ({ service, model }) => {
      const milestones = new Set(serviceOf(service).parsedManifest?.milestones.map((m) => m.id));
      const named = [...model.jobs, ...model.userTasks].flatMap(
        (task) => task.headers[MILESTONE_HEADER] ?? [],
      );
      expect(named.filter((id) => !milestones.has(id))).toEqual([]);
      // portal:milestoneOn only beside a milestone, and only activated or completed
      const timing = [...model.jobs, ...model.userTasks].filter(
        (task) => MILESTONE_ON_HEADER in task.headers,
      );
      for (const task of timing) {
        expect(task.headers[MILESTONE_HEADER], task.elementId).toBeDefined();
        expect(task.headers[MILESTONE_ON_HEADER], task.elementId).toMatch(
          /^(activated|completed)$/,
        );
      }
    },
  );

  it.each(services)(
    '$id: every milestone of the manifest is reached by a task',
    ({ processes: ofService, parsedManifest }) => {
      const reached = new Set(
        ofService.flatMap(({ model }) =>
          [...model.jobs, ...model.userTasks].flatMap((t) => t.headers[MILESTONE_HEADER] ?? []),
        ),
      );
      expect(parsedManifest?.milestones.map((m) => m.id).filter((id) => !reached.has(id))).toEqual(
        [],
      );
    },
  );

  it.each(processes)(
    '$service/$processId: decisions called are in the DMN of the folder',
    async ({ service, model }) => {
      const decisionIds = new Set(
        (
          await Promise.all(serviceOf(service).dmn.map(async (file) => readDmn(file.content)))
        ).flatMap((dmn) => dmn.decisions.map((decision) => decision.decisionId)),
      );
      expect(
        model.calledDecisions.map((call) => call.decisionId).filter((id) => !decisionIds.has(id)),
      ).toEqual([]);
    },
  );

  it.each(processes)(
    '$service/$processId: the start form is the manifest start form',
    ({ service, model, partner }) => {
      const manifest = serviceOf(service).parsedManifest;
      expect(model.startFormIds).toEqual(partner ? [] : [manifest?.startFormId]);
    },
  );
});
