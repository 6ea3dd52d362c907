import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activateOne,
  createInstance,
  deploy,
  elementEvents,
  isCompleted,
  records,
  startEngine,
  type EngineHarness,
  type LoggedRecord,
} from './support';

const incidentsOf = async (t: EngineHarness, processInstanceKey: string) =>
  (await records(t.knex, processInstanceKey)).filter(
    (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
  );

const evaluationsOf = async (t: EngineHarness, processInstanceKey: string) =>
  (await records(t.knex, processInstanceKey)).filter(
    (r): r is LoggedRecord => r.valueType === 'DECISION_EVALUATION',
  );

describe('a business rule task with a called decision', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  test('evaluates the latest decision on activation, sets the result variable and completes', async () => {
    // given
    await deploy(t.engine, 'dog-fee.dmn', 'business-rule.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'business-rule', { dogCount: 1 });

    // then: the output mapping took the fee from the result variable
    const job = await activateOne(t.engine, 'collect-fee');
    expect(job.variables).toEqual({ dogCount: 1, fee: 120 });
    expect(await elementEvents(t.knex, processInstanceKey)).toEqual(
      expect.arrayContaining([
        'decide:ELEMENT_ACTIVATING',
        'decide:ELEMENT_ACTIVATED',
        'decide:ELEMENT_COMPLETING',
        'decide:ELEMENT_COMPLETED',
      ]),
    );
    accepted(await t.engine.completeJob(job.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('writes DECISION_EVALUATION EVALUATED with the instance, the output and every evaluated decision', async () => {
    // given
    await deploy(t.engine, 'dog-fee.dmn', 'business-rule.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'business-rule', { dogCount: 3 });

    // then
    const [evaluation, ...more] = await evaluationsOf(t, processInstanceKey);
    expect(more).toEqual([]);
    expect(evaluation).toMatchObject({ recordType: 'EVENT', intent: 'EVALUATED' });
    expect(evaluation?.value).toEqual({
      decisionKey: expect.any(String),
      decisionId: 'dogFeeNotice',
      decisionName: 'Dog fee notice',
      decisionVersion: 1,
      decisionRequirementsId: 'dog-fee',
      decisionRequirementsKey: expect.any(String),
      decisionOutput: '{"fee":300,"text":"CHF 300"}',
      bpmnProcessId: 'business-rule',
      processDefinitionKey: expect.any(String),
      processInstanceKey,
      elementId: 'decide',
      elementInstanceKey: expect.any(String),
      evaluatedDecisions: [
        {
          decisionId: 'dogFee',
          decisionName: 'Dog fee',
          decisionKey: expect.any(String),
          decisionVersion: 1,
          decisionType: 'DECISION_TABLE',
          decisionOutput: '300',
          tenantId: '<default>',
          evaluatedInputs: [{ inputId: 'Input_dogs', inputName: 'Dogs', inputValue: '3' }],
          matchedRules: [
            {
              ruleId: 'Rule_many',
              ruleIndex: 2,
              evaluatedOutputs: [{ outputId: 'Output_fee', outputName: 'fee', outputValue: '300' }],
            },
          ],
        },
        {
          decisionId: 'dogFeeNotice',
          decisionName: 'Dog fee notice',
          decisionKey: expect.any(String),
          decisionVersion: 1,
          decisionType: 'LITERAL_EXPRESSION',
          decisionOutput: '{"fee":300,"text":"CHF 300"}',
          tenantId: '<default>',
          evaluatedInputs: [],
          matchedRules: [],
        },
      ],
      evaluationFailureMessage: '',
      failedDecisionId: '',
      variables: {},
      tenantId: '<default>',
    });
  });

  test('a failed evaluation is a DECISION_EVALUATION_ERROR incident; fixed and resolved, it evaluates again', async () => {
    // given
    await deploy(t.engine, 'dog-fee.dmn', 'business-rule.bpmn');

    // when: two dogs match both rules of the UNIQUE table
    const processInstanceKey = await createInstance(t.engine, 'business-rule', { dogCount: 2 });

    // then
    const [incident] = await incidentsOf(t, processInstanceKey);
    const reason =
      "Expected to evaluate decision 'dogFeeNotice', but multiple values aren't allowed for UNIQUE hit policy. found: 'List(Map(fee -> ValNumber(120)), Map(fee -> ValNumber(300)))'";
    expect(incident?.value).toMatchObject({
      errorType: 'DECISION_EVALUATION_ERROR',
      errorMessage: reason,
      elementId: 'decide',
    });
    const [failed] = await evaluationsOf(t, processInstanceKey);
    expect(failed?.intent).toBe('FAILED');
    expect(failed?.value).toMatchObject({
      decisionOutput: 'null',
      evaluationFailureMessage: reason,
      failedDecisionId: 'dogFee',
    });

    // when
    accepted(await t.engine.setVariables(processInstanceKey, { dogCount: 1 }, false));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    const job = await activateOne(t.engine, 'collect-fee');
    expect(job.variables).toEqual({ dogCount: 1, fee: 120 });
    expect((await evaluationsOf(t, processInstanceKey)).map((r) => r.intent)).toEqual([
      'FAILED',
      'EVALUATED',
    ]);
  });

  test('a decision that is not deployed is a CALLED_DECISION_ERROR incident; deployed and resolved, it is evaluated', async () => {
    // given: the decision id is a FEEL expression
    await deploy(t.engine, 'business-rule-by-expression.bpmn');

    // when
    const processInstanceKey = await createInstance(t.engine, 'business-rule-by-expression', {
      animal: 'cat',
    });

    // then
    const [incident] = await incidentsOf(t, processInstanceKey);
    expect(incident?.value).toMatchObject({
      errorType: 'CALLED_DECISION_ERROR',
      errorMessage: "Expected to evaluate decision 'catFee', but no decision found for id 'catFee'",
      elementId: 'decide',
    });
    expect(await evaluationsOf(t, processInstanceKey)).toEqual([]);

    // when
    await deploy(t.engine, 'cat-fee.dmn');
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    const variables = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.valueType === 'VARIABLE' && r.value.name === 'fee',
    );
    expect(variables.map((r) => r.value.value)).toEqual(['80']);
  });

  test('evaluates decisions deployed before a restart (the model is parsed again at start)', async () => {
    // given
    await deploy(t.engine, 'dog-fee.dmn', 'business-rule.bpmn');
    await t.restart();

    // when
    await createInstance(t.engine, 'business-rule', { dogCount: 5 });

    // then
    const job = await activateOne(t.engine, 'collect-fee');
    expect(job.variables).toEqual({ dogCount: 5, fee: 300 });
  });
});
