/**
 * DeployResource with DMN and forms, as Zeebe 8.6 answers it: decision requirements graphs and
 * decisions, forms, versions by checksum per tenant, all resources of a deployment versioned
 * together, atomic rejection with Zeebe's texts — and DeleteResource of a DRG.
 */
import { readFile } from 'node:fs/promises';
import { status } from '@grpc/grpc-js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, type TestEngine } from '../harness';

const fixture = (name: string) => readFile(bpmn(import.meta.url, name));

interface Metadata {
  process?: { bpmnProcessId: string; version: number; processDefinitionKey: string };
  decision?: {
    dmnDecisionId: string;
    dmnDecisionName: string;
    version: number;
    decisionKey: string;
    dmnDecisionRequirementsId: string;
    decisionRequirementsKey: string;
    tenantId: string;
  };
  decisionRequirements?: {
    dmnDecisionRequirementsId: string;
    dmnDecisionRequirementsName: string;
    version: number;
    decisionRequirementsKey: string;
    resourceName: string;
    tenantId: string;
  };
  form?: {
    formId: string;
    version: number;
    formKey: string;
    resourceName: string;
    tenantId: string;
  };
}

/** The deployed definitions of a DeployResource response, by kind. */
function byKind(response: { deployments: unknown[] }) {
  const entries = response.deployments as Metadata[];
  const pick = <K extends keyof Metadata>(kind: K) =>
    entries.flatMap((entry) => (entry[kind] ? [entry[kind] as NonNullable<Metadata[K]>] : []));
  return {
    processes: pick('process'),
    decisions: pick('decision'),
    decisionRequirements: pick('decisionRequirements'),
    forms: pick('form'),
  };
}

const REJECTED = "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': ";
const ERRORS = 'Expected to deploy new resources, but encountered the following errors:';

describe('DeployResource with DMN and forms', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await startTestEngine();
  });
  afterEach(async () => {
    await t?.close();
  });

  const deployDmn = async (file: string, name = 'dog-tax.dmn') =>
    byKind(await t.zeebe.deployResource({ name, decision: await fixture(file) }));
  const deployForm = async (file: string, name = 'dog-registration.form') =>
    byKind(await t.zeebe.deployResource({ name, form: await fixture(file) }));
  const count = async (table: string) =>
    Number(
      ((await t.knex.withSchema('engine').from(table).count('* as n').first()) as { n: string }).n,
    );

  test('deploys a .dmn as one decision requirements graph with its decisions', async () => {
    // when
    const response = await t.zeebe.deployResource({
      name: 'dog-tax.dmn',
      decision: await fixture('dog-tax.dmn'),
    });

    // then the decisions come first, then the DRG (Zeebe's order)
    expect(
      response.deployments.map((entry) => Object.keys(entry).find((k) => k !== 'Metadata')),
    ).toEqual(['decision', 'decision', 'decisionRequirements']);
    const { decisions, decisionRequirements } = byKind(response);
    const [drg] = decisionRequirements;
    expect(drg).toEqual({
      dmnDecisionRequirementsId: 'dog-tax',
      dmnDecisionRequirementsName: 'Hundesteuer',
      version: 1,
      decisionRequirementsKey: expect.stringMatching(/^\d+$/),
      resourceName: 'dog-tax.dmn',
      tenantId: '<default>',
    });
    expect(decisions).toEqual([
      {
        dmnDecisionId: 'dog-tax-rate',
        dmnDecisionName: 'Steuersatz',
        version: 1,
        decisionKey: expect.stringMatching(/^\d+$/),
        dmnDecisionRequirementsId: 'dog-tax',
        decisionRequirementsKey: drg?.decisionRequirementsKey,
        tenantId: '<default>',
      },
      {
        dmnDecisionId: 'dog-tax-notice',
        dmnDecisionName: 'Steuerhinweis',
        version: 1,
        decisionKey: expect.stringMatching(/^\d+$/),
        dmnDecisionRequirementsId: 'dog-tax',
        decisionRequirementsKey: drg?.decisionRequirementsKey,
        tenantId: '<default>',
      },
    ]);

    // and the DMN is stored with its DRG, and the record log has Zeebe's events
    const stored = (await t.knex
      .withSchema('engine')
      .from('decision_requirements as d')
      .join('resources as r', 'r.key', 'd.resource_key')
      .select('d.decision_requirements_id', 'd.version', 'r.resource_type', 'r.content')
      .where('d.key', drg?.decisionRequirementsKey)) as {
      decision_requirements_id: string;
      version: number;
      resource_type: string;
      content: string;
    }[];
    expect(stored).toEqual([
      {
        decision_requirements_id: 'dog-tax',
        version: 1,
        resource_type: 'dmn',
        content: (await fixture('dog-tax.dmn')).toString('utf8'),
      },
    ]);
    const events = (await t.knex
      .withSchema('engine')
      .from('records')
      .where({ record_type: 'EVENT' })
      .whereIn('value_type', ['DECISION_REQUIREMENTS', 'DECISION', 'DEPLOYMENT'])
      .orderBy('position')
      .select('value_type', 'intent', 'key')) as {
      value_type: string;
      intent: string;
      key: string;
    }[];
    expect(events).toEqual([
      { value_type: 'DECISION_REQUIREMENTS', intent: 'CREATED', key: drg?.decisionRequirementsKey },
      { value_type: 'DECISION', intent: 'CREATED', key: decisions[0]?.decisionKey },
      { value_type: 'DECISION', intent: 'CREATED', key: decisions[1]?.decisionKey },
      { value_type: 'DEPLOYMENT', intent: 'CREATED', key: response.key },
    ]);
  });

  test('an unchanged .dmn keeps versions and keys, a changed one is version 2 of the DRG and its decisions', async () => {
    // given
    const first = await deployDmn('dog-tax.dmn');

    // when deployed again unchanged
    const again = await deployDmn('dog-tax.dmn');

    // then it is the same DRG and the same decisions
    expect(again.decisionRequirements).toEqual(first.decisionRequirements);
    expect(again.decisions).toEqual(first.decisions);

    // when a changed decision table is deployed
    const changed = await deployDmn('dog-tax-changed.dmn');

    // then the DRG and each decision get version 2 and new keys
    const [drg] = changed.decisionRequirements;
    expect(drg).toMatchObject({ dmnDecisionRequirementsId: 'dog-tax', version: 2 });
    expect(drg?.decisionRequirementsKey).not.toBe(
      first.decisionRequirements[0]?.decisionRequirementsKey,
    );
    expect(
      changed.decisions.map((d) => [d.dmnDecisionId, d.version, d.decisionRequirementsKey]),
    ).toEqual([
      ['dog-tax-rate', 2, drg?.decisionRequirementsKey],
      ['dog-tax-notice', 2, drg?.decisionRequirementsKey],
    ]);
    expect(changed.decisions.map((d) => d.decisionKey)).not.toContain(
      first.decisions[0]?.decisionKey,
    );
  });

  test('a decision counts its own versions across decision requirements graphs', async () => {
    // given the decisions deployed in the DRG 'dog-tax'
    await deployDmn('dog-tax.dmn');

    // when another DRG contains decisions with the same ids
    const other = await deployDmn('dog-tax-2027.dmn', 'dog-tax-2027.dmn');

    // then that DRG is version 1, its decisions are version 2
    expect(other.decisionRequirements).toMatchObject([
      { dmnDecisionRequirementsId: 'dog-tax-2027', version: 1 },
    ]);
    expect(other.decisions).toMatchObject([
      { dmnDecisionId: 'dog-tax-rate', version: 2, dmnDecisionRequirementsId: 'dog-tax-2027' },
      { dmnDecisionId: 'dog-tax-notice', version: 2, dmnDecisionRequirementsId: 'dog-tax-2027' },
    ]);

    // when the first DRG is deployed again, unchanged: its decisions now belong to another DRG
    const back = await deployDmn('dog-tax.dmn');

    // then it is a new version of it, and of the decisions
    expect(back.decisionRequirements).toMatchObject([
      { dmnDecisionRequirementsId: 'dog-tax', version: 2 },
    ]);
    expect(back.decisions.map((d) => d.version)).toEqual([3, 3]);
  });

  test('deploys a form, keeps it when unchanged, and makes a changed form version 2', async () => {
    // when
    const first = await deployForm('dog-registration.form');

    // then
    expect(first.forms).toEqual([
      {
        formId: 'dog-registration',
        version: 1,
        formKey: expect.stringMatching(/^\d+$/),
        resourceName: 'dog-registration.form',
        tenantId: '<default>',
      },
    ]);

    // when deployed again unchanged, then changed
    const again = await deployForm('dog-registration.form');
    const changed = await deployForm('dog-registration-changed.form');

    // then
    expect(again.forms).toEqual(first.forms);
    expect(changed.forms).toMatchObject([{ formId: 'dog-registration', version: 2 }]);
    expect(changed.forms[0]?.formKey).not.toBe(first.forms[0]?.formKey);
    expect(await count('forms')).toBe(2);
  });

  test('deploys a process, a DMN and a form in one deployment and versions them together', async () => {
    // given
    const resources = async (dmn: string) => [
      { name: 'dog-tax-review.bpmn', process: await fixture('dog-tax-review.bpmn') },
      { name: 'dog-tax.dmn', decision: await fixture(dmn) },
      { name: 'dog-registration.form', form: await fixture('dog-registration.form') },
    ];

    // when
    const first = byKind(await t.zeebe.deployResources(await resources('dog-tax.dmn')));

    // then
    expect(first.processes).toMatchObject([{ bpmnProcessId: 'dog-tax-review', version: 1 }]);
    expect(first.decisionRequirements).toMatchObject([
      { dmnDecisionRequirementsId: 'dog-tax', version: 1 },
    ]);
    expect(first.decisions.map((d) => [d.dmnDecisionId, d.version])).toEqual([
      ['dog-tax-rate', 1],
      ['dog-tax-notice', 1],
    ]);
    expect(first.forms).toMatchObject([{ formId: 'dog-registration', version: 1 }]);

    // when deployed again unchanged, then nothing is new
    const again = byKind(await t.zeebe.deployResources(await resources('dog-tax.dmn')));
    expect(again).toEqual(first);

    // when only the DMN changed
    const changed = byKind(await t.zeebe.deployResources(await resources('dog-tax-changed.dmn')));

    // then every resource of the deployment gets a new version (Zeebe 8.6)
    expect(changed.processes).toMatchObject([{ bpmnProcessId: 'dog-tax-review', version: 2 }]);
    expect(changed.processes[0]?.processDefinitionKey).not.toBe(
      first.processes[0]?.processDefinitionKey,
    );
    expect(changed.decisionRequirements).toMatchObject([{ version: 2 }]);
    expect(changed.decisions.map((d) => d.version)).toEqual([2, 2]);
    expect(changed.forms).toMatchObject([{ formId: 'dog-registration', version: 2 }]);
    expect(changed.forms[0]?.formKey).not.toBe(first.forms[0]?.formKey);
  });

  test('refuses a broken DMN and a form without id with Zeebe texts, and stores nothing', async () => {
    // when a deployment has a valid process, a DMN with a FEEL error and a form without id
    const failure = await grpcFailure(
      t.zeebe.deployResources([
        { name: 'dog-tax-review.bpmn', process: await fixture('dog-tax-review.bpmn') },
        { name: 'dog-tax.dmn', decision: await fixture('dog-tax-broken.dmn') },
        { name: 'dog-registration.form', form: await fixture('form-without-id.form') },
      ]),
    );

    // then the whole deployment is refused, naming each problem
    expect(failure).toEqual({
      code: status.INVALID_ARGUMENT,
      details:
        `${REJECTED}${ERRORS}\n` +
        `'dog-tax.dmn': FEEL unary-tests: failed to parse expression '"more': Unrecognized token in <UnaryTests>:1:1, found ""more"\n` +
        'Expected the form id to be present, but none given',
    });
    for (const table of [
      'deployments',
      'resources',
      'process_definitions',
      'decision_requirements',
      'decisions',
      'forms',
    ]) {
      expect(await count(table), table).toBe(0);
    }

    // when the valid resources are deployed afterwards
    const valid = byKind(
      await t.zeebe.deployResources([
        { name: 'dog-tax-review.bpmn', process: await fixture('dog-tax-review.bpmn') },
        { name: 'dog-tax.dmn', decision: await fixture('dog-tax.dmn') },
        { name: 'dog-registration.form', form: await fixture('dog-registration.form') },
      ]),
    );

    // then each is version 1
    expect(valid.processes.map((p) => p.version)).toEqual([1]);
    expect(valid.decisionRequirements.map((d) => d.version)).toEqual([1]);
    expect(valid.decisions.map((d) => d.version)).toEqual([1, 1]);
    expect(valid.forms.map((f) => f.version)).toEqual([1]);
  });

  test('DeleteResource deletes a decision requirements graph with its decisions', async () => {
    // given
    const deployed = await deployDmn('dog-tax.dmn');
    const drgKey = deployed.decisionRequirements[0]?.decisionRequirementsKey ?? '';
    const decisionKey = deployed.decisions[0]?.decisionKey ?? '';

    // then a decision's own key is not a resource key
    expect(await grpcFailure(t.zeebe.deleteResource({ resourceKey: decisionKey }))).toEqual({
      code: status.NOT_FOUND,
      details: `Command 'DELETE' rejected with code 'NOT_FOUND': Expected to delete resource but no resource found with key \`${decisionKey}\``,
    });

    // when
    await t.zeebe.deleteResource({ resourceKey: drgKey });

    // then the DRG and both decisions are deleted
    const events = (await t.knex
      .withSchema('engine')
      .from('records')
      .where({ record_type: 'EVENT', intent: 'DELETED' })
      .orderBy('position')
      .select('value_type', 'key')) as { value_type: string; key: string }[];
    expect(events).toEqual([
      { value_type: 'DECISION', key: deployed.decisions[0]?.decisionKey },
      { value_type: 'DECISION', key: deployed.decisions[1]?.decisionKey },
      { value_type: 'DECISION_REQUIREMENTS', key: drgKey },
      { value_type: 'RESOURCE_DELETION', key: '-1' },
    ]);
    expect(await grpcFailure(t.zeebe.deleteResource({ resourceKey: drgKey }))).toMatchObject({
      code: status.NOT_FOUND,
    });

    // when deployed again, then it is version 1 again with new keys: like Zeebe, the next
    // version follows the latest one left in the state
    const redeployed = await deployDmn('dog-tax.dmn');
    expect(redeployed.decisionRequirements).toMatchObject([{ version: 1 }]);
    expect(redeployed.decisionRequirements[0]?.decisionRequirementsKey).not.toBe(drgKey);
    expect(redeployed.decisions.map((d) => d.version)).toEqual([1, 1]);
  });
});

describe('DeployResource refusals', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string) =>
    Number(
      ((await t.knex.withSchema('engine').from(table).count('* as n').first()) as { n: string }).n,
    );

  test.each([
    {
      what: 'XML that is not well-formed',
      name: 'broken.dmn',
      content: '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision',
      reason:
        "'broken.dmn': Failed to parse DMN: org.camunda.bpm.model.dmn.DmnModelException: Unable to parse model",
    },
    {
      what: 'a BPMN file named .dmn',
      name: 'order.dmn',
      content:
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>',
      reason:
        "'order.dmn': Failed to parse DMN: org.camunda.bpm.model.dmn.DmnModelException: Unable to parse model",
    },
    {
      what: 'a form that is not JSON',
      name: 'broken.form',
      content: '{"id": ',
      reason: "Failed to parse formId from form JSON. 'broken.form': ",
    },
    {
      what: 'a form with a blank id',
      name: 'blank.form',
      content: '{"id": "  ", "components": []}',
      reason: 'Expected the form id to be filled, but it is blank',
    },
    {
      what: 'a form whose version tag is not a text',
      name: 'tagged.form',
      content: '{"id": "tagged", "versionTag": {"major": 1}, "components": []}',
      reason:
        "Failed to parse formId from form JSON. 'tagged.form': Expected the form versionTag to be a string",
    },
    {
      what: 'another file type',
      name: 'dog-tax.txt',
      content: 'Hundesteuer',
      reason: "\n'dog-tax.txt': unknown resource type",
    },
  ])('refuses $what', async ({ name, content, reason }) => {
    const failure = await grpcFailure(
      t.gateway.unary('DeployResource', { resources: [{ name, content: Buffer.from(content) }] }),
    );

    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.details).toContain(`${REJECTED}${ERRORS}\n${reason}`);
    expect(await count('deployments')).toBe(0);
  });

  test('refuses a decision id used twice in one deployment', async () => {
    const failure = await grpcFailure(
      t.zeebe.deployResources([
        { name: 'dog-tax.dmn', decision: await fixture('dog-tax.dmn') },
        { name: 'dog-tax-2027.dmn', decision: await fixture('dog-tax-2027.dmn') },
      ]),
    );

    expect(failure).toEqual({
      code: status.INVALID_ARGUMENT,
      details:
        `${REJECTED}${ERRORS}\n` +
        "Expected the decision ids to be unique within a deployment but found a duplicated id 'dog-tax-rate' in the resources 'dog-tax.dmn' and 'dog-tax-2027.dmn'.",
    });
  });
});

describe('DeployResource with DMN and multi-tenancy', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await startTestEngine({ multiTenancy: true });
  });
  afterEach(async () => {
    await t?.close();
  });

  test('versions a DRG per tenant', async () => {
    const deployTo = async (tenantId: string) =>
      byKind(
        await t.zeebe.deployResource({
          name: 'dog-tax.dmn',
          decision: await fixture('dog-tax.dmn'),
          tenantId,
        }),
      );

    const luzern = await deployTo('luzern');
    const kanton = await deployTo('kanton');

    expect(luzern.decisionRequirements).toMatchObject([{ version: 1, tenantId: 'luzern' }]);
    expect(kanton.decisionRequirements).toMatchObject([{ version: 1, tenantId: 'kanton' }]);
    expect(kanton.decisions).toMatchObject([
      { version: 1, tenantId: 'kanton' },
      { version: 1, tenantId: 'kanton' },
    ]);
  });
});
