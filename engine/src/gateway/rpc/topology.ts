/** Topology: one broker, one partition, which it leads and which is healthy. */
import type { GatewayContext } from '../GatewayContext';
import { unary } from '../unary';

/** The Zeebe version this gateway speaks for. */
export const GATEWAY_VERSION = '8.6.0';

export function topology(ctx: GatewayContext) {
  return unary<unknown, unknown>(ctx, async () => {
    const info = ctx.engine.topology();
    const { host, port } = ctx.endpoint();
    return {
      brokers: info.brokers.map((broker) => ({
        nodeId: broker.nodeId,
        // the engine runs inside this process: its broker is reached where the gateway listens
        host,
        port,
        version: broker.version || GATEWAY_VERSION,
        partitions: Array.from({ length: info.partitionsCount }, (_, index) => ({
          partitionId: index + 1,
          role: 'LEADER',
          health: 'HEALTHY',
        })),
      })),
      clusterSize: info.clusterSize,
      partitionsCount: info.partitionsCount,
      replicationFactor: info.replicationFactor,
      gatewayVersion: info.gatewayVersion || GATEWAY_VERSION,
    };
  });
}
