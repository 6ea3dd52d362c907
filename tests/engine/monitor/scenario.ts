/**
 * The data the monitoring tests query: real instances of `monitor-order` (start → check → ship
 * → end) run by the engine with multi-tenancy on, one second apart on the test clock.
 *
 * | instance | tenant | version | what happened                                           | state     |
 * |----------|--------|---------|---------------------------------------------------------|-----------|
 * | A        | luzern | 1       | check and ship completed                                | COMPLETED |
 * | B        | luzern | 1       | check completed, waits at ship                          | ACTIVE    |
 * | C        | luzern | 1       | check failed without retries                            | INCIDENT  |
 * | D        | luzern | 1       | cancelled at check                                      | CANCELED  |
 * | E        | luzern | 1       | check failed, incident resolved, check completed → ship | ACTIVE    |
 * | F        | luzern | 2       | waits at check                                          | ACTIVE    |
 * | G        | kanton | 1       | waits at check                                          | ACTIVE    |
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActivatedJob } from '../../../engine/src/api';
import { EngineMonitor } from '../../../engine/src/monitor';
import { accepted, START, startEngine, type EngineHarness } from '../processing/support';

const here = path.dirname(fileURLToPath(import.meta.url));
const BPMN = fs.readFileSync(path.join(here, 'monitor-order.bpmn'), 'utf8');

export const SECOND = 1_000;

export interface MonitorScenario {
  t: EngineHarness;
  monitor: EngineMonitor;
  instances: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
  definitions: { luzernV1: string; luzernV2: string; kantonV1: string };
  incidents: { C: string; E: string };
  /** Clock instants: instance X was created at `createdAt[X]`. */
  createdAt: Record<string, number>;
  close(): Promise<void>;
}

export async function runScenario(): Promise<MonitorScenario> {
  const t = await startEngine({ multiTenancy: true });
  const { engine, clock } = t;
  const createdAt: Record<string, number> = {};
  const tick = () => clock.advance(SECOND);

  const deploy = async (tenantId: string, content: string) => {
    const result = accepted(
      await engine.deployResources({
        resources: [{ name: 'monitor-order.bpmn', content: Buffer.from(content) }],
        tenantId,
      }),
    );
    return result.processes[0]!.processDefinitionKey;
  };
  const create = async (name: string, tenantId: string, amount: number) => {
    tick();
    createdAt[name] = clock.now();
    const created = accepted(
      await engine.createProcessInstance({
        bpmnProcessId: 'monitor-order',
        version: -1,
        variables: { orderId: name, amount },
        startInstructions: [],
        tenantId,
      }),
    );
    return created.processInstanceKey;
  };
  const activate = async (type: string, tenantId: string): Promise<ActivatedJob> => {
    tick();
    const jobs = accepted(
      await engine.activateJobs({
        type,
        worker: 'monitor-test',
        timeout: 60_000,
        maxJobsToActivate: 1,
        fetchVariable: [],
        tenantIds: [tenantId],
      }),
    );
    if (!jobs[0]) throw new Error(`no ${type} job for ${tenantId}`);
    return jobs[0];
  };
  const complete = async (job: ActivatedJob, variables: Record<string, unknown> = {}) => {
    tick();
    accepted(await engine.completeJob(job.key, variables));
  };
  const failWithoutRetries = async (job: ActivatedJob, errorMessage: string) => {
    tick();
    accepted(
      await engine.failJob(job.key, { retries: 0, errorMessage, retryBackOff: 0, variables: {} }),
    );
  };
  const openIncidentOf = async (processInstanceKey: string) => {
    const row = (await t.knex
      .withSchema('engine')
      .from('incidents')
      .where('process_instance_key', processInstanceKey)
      .first()) as { key: string };
    return String(row.key);
  };

  const luzernV1 = await deploy('luzern', BPMN);
  const kantonV1 = await deploy('kanton', BPMN);

  const A = await create('A', 'luzern', 10);
  await complete(await activate('check', 'luzern'), { approved: true });
  await complete(await activate('ship', 'luzern'), { trackingId: 'T-1' });

  const B = await create('B', 'luzern', 20);
  await complete(await activate('check', 'luzern'), { approved: true });

  const C = await create('C', 'luzern', 30);
  await failWithoutRetries(await activate('check', 'luzern'), 'register offline');
  const incidentC = await openIncidentOf(C);

  const D = await create('D', 'luzern', 40);
  tick();
  accepted(await engine.cancelProcessInstance(D));

  const E = await create('E', 'luzern', 50);
  const firstTry = await activate('check', 'luzern');
  await failWithoutRetries(firstTry, 'timeout');
  const incidentE = await openIncidentOf(E);
  tick();
  accepted(await engine.updateJobRetries(firstTry.key, 1));
  accepted(await engine.resolveIncident(incidentE));
  await complete(await activate('check', 'luzern'), { approved: false });

  tick();
  const luzernV2 = await deploy('luzern', BPMN.replace('name="Check order"', 'name="Check it"'));
  const F = await create('F', 'luzern', 60);

  const G = await create('G', 'kanton', 70);

  return {
    t,
    monitor: new EngineMonitor(t.knex),
    instances: { A, B, C, D, E, F, G },
    definitions: { luzernV1, luzernV2, kantonV1 },
    incidents: { C: incidentC, E: incidentE },
    createdAt,
    close: () => t.close(),
  };
}

export { START };
