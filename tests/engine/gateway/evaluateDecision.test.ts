/**
 * EvaluateDecision over gRPC with the @camunda8/sdk client, as Zeebe 8.6 answers it: the latest
 * decision by id or the decision by key, the evaluated decisions with their inputs and matched
 * rules, a failed evaluation as an answer with failedDecisionId / failureMessage, an unknown
 * decision as INVALID_ARGUMENT (Zeebe's DecisionEvaluationEvaluteProcessor), bad variables and
 * tenants refused by the gateway.
 */
import { readFile } from 'node:fs/promises';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, type TestEngine } from '../harness';

const fixture = (name: string) => readFile(bpmn(import.meta.url, name));
const REJECTED = "Command 'EVALUATE' rejected with code 'INVALID_ARGUMENT': ";

describe('EvaluateDecision', () => {
  let t: TestEngine;
  let dogTax: { decisionKey: string; decisionRequirementsKey: string };
  let dishKey: string;

  beforeAll(async () => {
    t = await startTestEngine();
    const deployed = await t.zeebe.deployResource({
      name: 'dog-tax.dmn',
      decision: await fixture('dog-tax.dmn'),
    });
    const decisions = deployed.deployments.flatMap((d) =>
      'decision' in d && d.decision ? [d.decision] : [],
    );
    const notice = decisions.find((d) => d.dmnDecisionId === 'dog-tax-notice');
    dogTax = {
      decisionKey: String(notice?.decisionKey),
      decisionRequirementsKey: String(notice?.decisionRequirementsKey),
    };
    const dinner = await t.zeebe.deployResource({
      name: 'dinner-decisions.dmn',
      decision: await fixture('../dmn/dinner-decisions.dmn'),
    });
    const dish = dinner.deployments.flatMap((d) =>
      'decision' in d && d.decision?.dmnDecisionId === 'dish' ? [d.decision] : [],
    );
    dishKey = String(dish[0]?.decisionKey);
    await t.zeebe.deployResource({
      name: 'dog-fee.dmn',
      decision: await fixture('../processing/fixtures/dog-fee.dmn'),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  test('by id: the latest decision, its output and every evaluated decision', async () => {
    // when
    const response = await t.zeebe.evaluateDecision({
      decisionId: 'dog-tax-notice',
      variables: { dogs: 2, guideDog: false },
    });

    // then
    expect(response).toEqual({
      decisionKey: dogTax.decisionKey,
      decisionId: 'dog-tax-notice',
      decisionName: 'Steuerhinweis',
      decisionVersion: 1,
      decisionRequirementsId: 'dog-tax',
      decisionRequirementsKey: dogTax.decisionRequirementsKey,
      decisionOutput: '"Hundesteuer: CHF 300"',
      evaluatedDecisions: [
        {
          decisionKey: expect.any(String),
          decisionId: 'dog-tax-rate',
          decisionName: 'Steuersatz',
          decisionVersion: 1,
          decisionType: 'DECISION_TABLE',
          decisionOutput: '300',
          matchedRules: [
            {
              ruleId: 'Rule_more_dogs',
              ruleIndex: 3,
              evaluatedOutputs: [{ outputId: 'Output_tax', outputName: 'tax', outputValue: '300' }],
            },
          ],
          evaluatedInputs: [
            { inputId: 'Input_dogs', inputName: 'Anzahl Hunde', inputValue: '2' },
            { inputId: 'Input_guide', inputName: 'Assistenzhund', inputValue: 'false' },
          ],
          tenantId: '<default>',
        },
        {
          decisionKey: dogTax.decisionKey,
          decisionId: 'dog-tax-notice',
          decisionName: 'Steuerhinweis',
          decisionVersion: 1,
          decisionType: 'LITERAL_EXPRESSION',
          decisionOutput: '"Hundesteuer: CHF 300"',
          matchedRules: [],
          evaluatedInputs: [],
          tenantId: '<default>',
        },
      ],
      failedDecisionId: '',
      failureMessage: '',
      tenantId: '<default>',
      decisionInstanceKey: expect.stringMatching(/^\d+$/),
    });
  });

  test('by key: the documented dish decision', async () => {
    const response = await t.zeebe.evaluateDecision({
      decisionKey: dishKey,
      variables: { season: 'Spring', guestCount: 4 },
    });

    expect(response).toMatchObject({
      decisionId: 'dish',
      decisionKey: dishKey,
      decisionOutput: '"Dry Aged Gourmet Steak"',
      failureMessage: '',
    });
  });

  test('a failed evaluation is an answer naming the failed decision, and a FAILED record', async () => {
    // when: two dogs match both rules of the UNIQUE table dogFee
    const response = await t.zeebe.evaluateDecision({
      decisionId: 'dogFeeNotice',
      variables: { dogs: 2 },
    });

    // then
    expect(response).toMatchObject({
      decisionId: 'dogFeeNotice',
      decisionOutput: 'null',
      failedDecisionId: 'dogFee',
      failureMessage:
        "Expected to evaluate decision 'dogFeeNotice', but multiple values aren't allowed for UNIQUE hit policy. found: 'List(Map(fee -> ValNumber(120)), Map(fee -> ValNumber(300)))'",
    });
    expect(response.evaluatedDecisions.map((d) => [d.decisionId, d.matchedRules.length])).toEqual([
      ['dogFee', 2],
    ]);
    // the SDK's response type (8.5) lacks decisionInstanceKey; the gateway sends it
    const { decisionInstanceKey } = response as typeof response & { decisionInstanceKey: string };
    const logged = (await t.knex
      .withSchema('engine')
      .from('records')
      .where({ value_type: 'DECISION_EVALUATION', key: decisionInstanceKey })
      .select('record_type', 'intent')) as { record_type: string; intent: string }[];
    expect(logged).toEqual([{ record_type: 'EVENT', intent: 'FAILED' }]);
  });

  test.each([
    [
      'an unknown decision id',
      { decisionId: 'nope' },
      "Expected to evaluate decision 'nope', but no decision found for id 'nope'",
    ],
    [
      'an unknown decision key',
      { decisionKey: '2251799813999999' },
      "Expected to evaluate decision '2251799813999999', but no decision found for key '2251799813999999'",
    ],
    [
      'neither id nor key',
      { decisionKey: '-1' },
      'Expected either a decision id or a valid decision key, but none provided',
    ],
  ])('%s is INVALID_ARGUMENT with Zeebe’s text', async (_case, request, reason) => {
    expect(
      await grpcFailure(t.gateway.unary('EvaluateDecision', { ...request, variables: '{}' })),
    ).toEqual({ code: status.INVALID_ARGUMENT, details: `${REJECTED}${reason}` });
  });

  test.each([
    [
      '[1, 2]',
      "Property 'variables' is invalid: Expected document to be a root level object, but was 'ARRAY'",
    ],
    ['{"season": ', 'Invalid JSON value: {"season": '],
  ])('variables %s are INVALID_ARGUMENT and evaluate nothing', async (variables, details) => {
    // given
    const before = await t.knex.withSchema('engine').from('records').count({ n: '*' }).first();

    // when
    const failure = await grpcFailure(
      t.gateway.unary('EvaluateDecision', { decisionId: 'dish', variables }),
    );

    // then
    expect(failure).toEqual({ code: status.INVALID_ARGUMENT, details });
    const after = await t.knex.withSchema('engine').from('records').count({ n: '*' }).first();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  test('naming a tenant without multi-tenancy is INVALID_ARGUMENT', async () => {
    expect(
      await grpcFailure(
        t.gateway.unary('EvaluateDecision', {
          decisionId: 'dish',
          variables: '{}',
          tenantId: 'luzern',
        }),
      ),
    ).toEqual({
      code: status.INVALID_ARGUMENT,
      details:
        "Expected to handle gRPC request EvaluateDecision with tenant identifier 'luzern', but multi-tenancy is disabled",
    });
  });
});
