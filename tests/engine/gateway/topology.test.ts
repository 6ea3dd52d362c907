import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestEngine, type TestEngine } from '../harness';

describe('Topology', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => {
    await t?.close();
  });

  test('reports one healthy broker leading one partition, as Camunda 8.6', async () => {
    const topology = await t.zeebe.topology();

    expect(topology).toMatchObject({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.6.0',
      brokers: [
        {
          nodeId: 0,
          host: '127.0.0.1',
          port: t.port,
          version: '8.6.0',
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        },
      ],
    });
  });
});
