/**
 * On a large record log every monitoring query is answered through indexes: the plan of each
 * statement the monitor sends (EXPLAIN) has no sequential scan of the log, the process
 * instances or the element instances. The data is synthetic (written straight into the tables
 * of a stopped engine), shaped like the engine's: 20 000 instances, 240 000 records.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EngineMonitor } from '../../../engine/src/monitor';
import { usingPostgres } from '../../support/database';
import { startEngine, type EngineHarness } from '../processing/support';

const INSTANCES = 20_000;
const RECORDS_PER_INSTANCE = 12;
/** Instance i has key BASE + i; its definition is DEFINITION_BASE + i % 200. */
const BASE = 2251799813685248n;
const DEFINITION_BASE = 2251799813000000n;
const LARGE_TABLES = ['records', 'process_instances', 'element_instances'];

let t: EngineHarness;
let monitor: EngineMonitor;

beforeAll(async () => {
  t = await startEngine();
  await t.engine.stop();
  await fillSyntheticLog(t.knex);
  // PGlite starts with enable_seqscan off, which would hide a missing index: plan as PostgreSQL
  // does (PGlite has one session, so this holds for every statement of the test)
  if (!usingPostgres) await t.knex.raw('set enable_seqscan = on');
  monitor = new EngineMonitor(t.knex);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const instanceKey = (i: number) => String(BASE + BigInt(i));
const definitionKey = (d: number) => String(DEFINITION_BASE + BigInt(d));

describe('query plans on a large log', () => {
  // [query, run it, the index its plan must use (where a scan in key order would read far)]
  test.each<[string, (m: EngineMonitor) => Promise<unknown>, RegExp?]>([
    ['all instances, newest first', (m) => m.searchProcessInstances({})],
    ['instances, second page', (m) => m.searchProcessInstances({ after: instanceKey(15_000) })],
    ['instances of a process id', (m) => m.searchProcessInstances({ bpmnProcessId: 'process-7' })],
    [
      'instances of a rare process id',
      (m) => m.searchProcessInstances({ bpmnProcessId: 'process-rare' }),
      /^process_instances_process_id_(version_)?key$/,
    ],
    [
      'instances of a process id and version',
      (m) => m.searchProcessInstances({ bpmnProcessId: 'process-7', version: 3 }),
      /^process_instances_process_id_version_key$/,
    ],
    [
      'instances of a definition',
      (m) => m.searchProcessInstances({ processDefinitionKey: definitionKey(17) }),
      /^process_instances_definition_key$/,
    ],
    ['ACTIVE instances', (m) => m.searchProcessInstances({ state: 'ACTIVE' })],
    ['INCIDENT instances', (m) => m.searchProcessInstances({ state: 'INCIDENT' })],
    ['COMPLETED instances', (m) => m.searchProcessInstances({ state: 'COMPLETED' })],
    ['CANCELED instances', (m) => m.searchProcessInstances({ state: 'CANCELED' })],
    ['instances of a tenant', (m) => m.searchProcessInstances({ tenantIds: ['tenant-3'] })],
    [
      'instances of a rare tenant',
      (m) => m.searchProcessInstances({ tenantIds: ['tenant-rare'] }),
      /^process_instances_tenant_key$/,
    ],
    [
      'instances of two tenants',
      (m) => m.searchProcessInstances({ tenantIds: ['tenant-3', 'tenant-4'] }),
    ],
    ['one instance in detail', (m) => m.getProcessInstance(instanceKey(12_345))],
    [
      'history of an instance',
      (m) => m.getHistory(instanceKey(12_345), { limit: 5 }),
      /^records_process_instance_position$/,
    ],
    [
      'history of an instance, next page',
      (m) => m.getHistory(instanceKey(12_345), { limit: 5, after: '148145' }),
    ],
    [
      'statistics of a definition',
      (m) => m.getElementStatistics(definitionKey(17)),
      /^records_element_finished_by_definition$/,
    ],
    ['all incidents', (m) => m.searchIncidents({}), /^records_incident_created$/],
    ['resolved incidents', (m) => m.searchIncidents({ state: 'RESOLVED' })],
    ['open incidents', (m) => m.searchIncidents({ state: 'ACTIVE' })],
    [
      'incidents of a definition',
      (m) => m.searchIncidents({ processDefinitionKey: definitionKey(17) }),
    ],
    [
      'incidents of an instance',
      (m) => m.searchIncidents({ processInstanceKey: instanceKey(12_300) }),
    ],
  ])('%s', async (_name, run, expectedIndex) => {
    // when
    const statements = await capture(t.knex, () => run(monitor));

    // then
    expect(statements.length).toBeGreaterThan(0);
    const indexes = new Set<string>();
    for (const statement of statements) {
      const plan = await planOf(t.knex, statement);
      expect({ sql: statement.sql, scans: plan.sequentialScans }).toEqual({
        sql: statement.sql,
        scans: [],
      });
      for (const index of plan.indexes) indexes.add(index);
    }
    if (expectedIndex) expect([...indexes]).toContainEqual(expect.stringMatching(expectedIndex));
  });

  test('the synthetic log answers like the engine would', async () => {
    const page = await monitor.searchProcessInstances({ state: 'INCIDENT', limit: 3 });
    expect(page.items.map((instance) => instance.state)).toEqual([
      'INCIDENT',
      'INCIDENT',
      'INCIDENT',
    ]);
    const stats = await monitor.getElementStatistics(definitionKey(17));
    expect(stats.map((e) => e.elementId)).toEqual(['task-1', 'task-2', 'task-3']);
    expect(stats.reduce((sum, e) => sum + e.completed + e.canceled, 0)).toBeGreaterThan(0);
  });
});

interface Statement {
  sql: string;
  bindings: unknown[];
}

/** The SELECT statements knex sends while `work` runs. */
async function capture(knex: Knex, work: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => {
    if (/^\s*select/i.test(query.sql)) {
      statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
    }
  };
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return statements;
}

/** The large tables a statement's plan reads with a sequential scan, and the indexes it uses. */
async function planOf(
  knex: Knex,
  statement: Statement,
): Promise<{ sequentialScans: string[]; indexes: string[] }> {
  const sql = statement.sql.replace(/\$\d+/g, '?');
  const result = (await knex.raw(`explain (format json) ${sql}`, statement.bindings as never)) as {
    rows: { 'QUERY PLAN': unknown }[];
  };
  const plan = result.rows[0]!['QUERY PLAN'];
  const root = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
  const sequentialScans: string[] = [];
  const indexes: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && LARGE_TABLES.includes(node['Relation Name'] ?? '')) {
      sequentialScans.push(node['Relation Name']!);
    }
    if (node['Index Name']) indexes.push(node['Index Name']);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(root[0]!.Plan);
  return { sequentialScans, indexes };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * 20 000 instances of 50 process ids (200 definitions: 4 versions, 20 tenants) and, among the
 * ten oldest, a rare process id of a rare tenant: 80% completed,
 * 10% cancelled, 10% active, one active instance in ten with an open incident. Each instance
 * has 11 records (the process and three tasks activated and ended); one instance in a hundred
 * also has an incident created and resolved, and one active instance in ten an open incident.
 */
async function fillSyntheticLog(knex: Knex): Promise<void> {
  const base = BASE.toString();
  const definitionBase = DEFINITION_BASE.toString();
  await knex.raw(`
    insert into engine.process_instances (key, bpmn_process_id, process_definition_key, version,
      tenant_id, state, parent_process_instance_key, parent_element_instance_key, start_date, end_date)
    select ${base} + i,
      case when i < 10 then 'process-rare' else 'process-' || (i % 200) % 50 end,
      ${definitionBase} + i % 200, 1 + (i % 200) / 50,
      case when i < 10 then 'tenant-rare' else 'tenant-' || i % 20 end,
      case when i % 10 < 8 then 'COMPLETED' when i % 10 = 8 then 'TERMINATED' else 'ACTIVE' end,
      -1, -1, 1767603600000 + i * 1000,
      case when i % 10 = 9 then null else 1767603600000 + i * 1000 + 500 end
    from generate_series(0, ${INSTANCES - 1}) as i`);

  // records: per instance, 12 positions (i * 12 + n)
  await knex.raw(`
    insert into engine.records (position, source_record_position, key, record_type, value_type,
      intent, value, timestamp, process_instance_key, tenant_id)
    select i * ${RECORDS_PER_INSTANCE} + n + 1, -1,
      case when n = 11 then ${base} + ${INSTANCES} + i else ${base} + i + n end,
      case when n = 10 then 'COMMAND' else 'EVENT' end,
      case when n = 11 then 'INCIDENT' else 'PROCESS_INSTANCE' end,
      case
        when n = 11 then 'CREATED'
        when n % 2 = 0 then 'ELEMENT_ACTIVATING'
        when i % 10 = 8 then 'ELEMENT_TERMINATED'
        when i % 10 = 9 and n >= 7 then 'ELEMENT_ACTIVATED'
        else 'ELEMENT_COMPLETED' end,
      jsonb_build_object(
        'processDefinitionKey', (${definitionBase} + i % 200)::text,
        'processInstanceKey', (${base} + i)::text,
        'bpmnProcessId', 'process-' || (i % 200) % 50,
        'elementId', case when n < 2 or n >= 8 then 'process-' || (i % 200) % 50 else 'task-' || n / 2 end,
        'bpmnElementType', case when n < 2 or n >= 8 then 'PROCESS' else 'SERVICE_TASK' end,
        'elementInstanceKey', (${base} + i + 3)::text,
        'errorType', 'JOB_NO_RETRIES', 'errorMessage', 'failed', 'jobKey', '-1',
        'tenantId', 'tenant-' || i % 20, 'flowScopeKey', '-1'),
      1767603600000 + i * 1000 + n, ${base} + i, 'tenant-' || i % 20
    from generate_series(0, ${INSTANCES - 1}) as i, generate_series(0, ${RECORDS_PER_INSTANCE - 1}) as n
    where n < 11 or i % 100 in (0, 9)`);

  await knex.raw(`
    insert into engine.records (position, source_record_position, key, record_type, value_type,
      intent, value, timestamp, process_instance_key, tenant_id)
    select ${INSTANCES * RECORDS_PER_INSTANCE} + i + 1, -1, ${base} + ${INSTANCES} + i, 'EVENT',
      'INCIDENT', 'RESOLVED', '{}'::jsonb, 1767603600000 + i * 1000 + 900, ${base} + i, 'tenant-' || i % 20
    from generate_series(0, ${INSTANCES - 1}) as i
    where i % 100 = 0`);

  await knex.raw(`
    insert into engine.element_instances (key, process_instance_key, flow_scope_key, element_id,
      element_type, event_type, state, process_definition_key, bpmn_process_id, version, tenant_id,
      parent_process_instance_key, parent_element_instance_key, runtime)
    select ${base} + i + 3, ${base} + i, ${base} + i, 'task-3', 'SERVICE_TASK', 'UNSPECIFIED',
      'ELEMENT_ACTIVATED', ${definitionBase} + i % 200, 'process-' || (i % 200) % 50,
      1 + (i % 200) / 50, 'tenant-' || i % 20, -1, -1, '{"activeFlows":0}'::jsonb
    from generate_series(0, ${INSTANCES - 1}) as i
    where i % 10 = 9`);

  await knex.raw(`
    insert into engine.incidents (key, error_type, error_message, element_instance_key, element_id,
      process_instance_key, process_definition_key, bpmn_process_id, job_key, variable_scope_key,
      tenant_id, created_at)
    select ${base} + ${INSTANCES} + i, 'JOB_NO_RETRIES', 'failed', ${base} + i + 3, 'task-3',
      ${base} + i, ${definitionBase} + i % 200, 'process-' || (i % 200) % 50, -1, ${base} + i + 3,
      'tenant-' || i % 20, 1767603600000 + i * 1000
    from generate_series(0, ${INSTANCES - 1}) as i
    where i % 100 = 9`);

  await knex.raw('analyze');
}
