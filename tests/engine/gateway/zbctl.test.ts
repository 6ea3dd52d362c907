/** The zbctl CLI against the gateway: status, deploy, create, activate, complete, publish. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, type TestEngine } from '../harness';
import { zbctl } from '../zbctl';

describe('zbctl', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => {
    await t?.close();
  });

  test('status shows the cluster', async () => {
    const result = await zbctl(t.address, ['status']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Cluster size: 1');
    expect(result.stdout).toContain('Partitions count: 1');
    expect(result.stdout).toContain('Gateway version: 8.6.0');
    expect(result.stdout).toMatch(/Partition 1 : Leader, Healthy/);
  });

  test('deploy, create instance, activate and complete the job, publish a message', async () => {
    const deployed = await zbctl(t.address, [
      'deploy',
      bpmn(import.meta.url, 'order-process.bpmn'),
    ]);
    expect(deployed.exitCode).toBe(0);
    // zbctl 8.4 deploys through the deprecated DeployProcess and prints its response
    expect(deployed.json).toMatchObject({
      processes: [{ bpmnProcessId: 'order-process', version: 1 }],
    });

    const created = await zbctl(t.address, [
      'create',
      'instance',
      'order-process',
      '--variables',
      '{"orderId":"Z-9"}',
    ]);
    expect(created.exitCode).toBe(0);
    expect(created.json).toMatchObject({ bpmnProcessId: 'order-process', version: 1 });

    const activated = await zbctl(t.address, [
      'activate',
      'jobs',
      'charge-card',
      '--maxJobsToActivate',
      '1',
      '--worker',
      'zbctl',
    ]);
    expect(activated.exitCode).toBe(0);
    const jobs = (activated.json as { jobs: { key: string; variables: string }[] }).jobs;
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]!.variables)).toEqual({ orderId: 'Z-9' });

    const completed = await zbctl(t.address, [
      'complete',
      'job',
      jobs[0]!.key,
      '--variables',
      '{"charged":true}',
    ]);
    expect(completed.exitCode).toBe(0);
    expect(completed.stdout + completed.stderr).toContain(
      `Completed job with key '${jobs[0]!.key}'`,
    );

    const published = await zbctl(t.address, [
      'publish',
      'message',
      'payment-received',
      '--correlationKey',
      'Z-9',
      '--variables',
      '{"paid":true}',
    ]);
    expect(published.exitCode).toBe(0);
    expect(published.json).toMatchObject({ tenantId: '<default>' });
  });

  test('a rejection is reported with Zeebe’s message', async () => {
    const result = await zbctl(t.address, ['complete', 'job', '2251799813685000']);

    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('NotFound');
    expect(result.stderr).toContain(
      "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '2251799813685000', but no such job was found",
    );
  });
});
