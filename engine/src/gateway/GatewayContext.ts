import type { Logger } from 'pino';
import type { EngineApi } from '../api';
import type { JobChannels } from './jobs/JobChannels';
import type { TenantPolicy } from './TenantPolicy';

/** What every RPC handler works with. */
export interface GatewayContext {
  readonly engine: EngineApi;
  readonly logger: Logger;
  readonly tenants: TenantPolicy;
  readonly jobs: JobChannels;
  /** Aborted when the gateway shuts down; long-running calls end on it. */
  readonly shutdown: AbortSignal;
  /** Where clients reach this gateway (Topology reports it as the broker's address). */
  endpoint(): { host: string; port: number };
}
