/**
 * The gRPC server speaking Zeebe's `gateway_protocol.Gateway`, in front of the engine.
 *
 *   client ──gRPC──► GatewayServer ──► rpc/* (map request, check it) ──► EngineApi
 *                                   └─► jobs/JobChannel (long polling, job streams)
 *   failures ──► status.ts (the one mapping to gRPC statuses)
 */
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EngineApi } from '../api';
import type { GatewayContext } from './GatewayContext';
import { JobChannels } from './jobs/JobChannels';
import { loadGatewayService } from './proto';
import { activateJobs, streamActivatedJobs } from './rpc/activateJobs';
import { evaluateDecision } from './rpc/decisions';
import { deleteResource, deployProcess, deployResource } from './rpc/deployments';
import { resolveIncident } from './rpc/incidents';
import { completeJob, failJob, throwError, updateJobRetries, updateJobTimeout } from './rpc/jobs';
import { broadcastSignal, publishMessage } from './rpc/messages';
import { modifyProcessInstance } from './rpc/modifyProcessInstance';
import { notImplemented } from './rpc/notImplemented';
import {
  cancelProcessInstance,
  createProcessInstance,
  createProcessInstanceWithResult,
  setVariables,
} from './rpc/processInstances';
import { topology } from './rpc/topology';
import { TenantPolicy } from './TenantPolicy';

export interface GatewayServerOptions {
  engine: EngineApi;
  logger: Logger;
  multiTenancy?: boolean;
}

/** How long stop() waits for unary calls in flight before cutting connections. */
const SHUTDOWN_GRACE_MS = 10_000;

export class GatewayServer {
  private readonly server = new grpc.Server({
    // Zeebe's gateway accepts messages up to 4 MB, like gRPC's default
    'grpc.max_receive_message_length': 4 * 1024 * 1024,
  });
  private readonly shutdown = new AbortController();
  private readonly jobs: JobChannels;
  private bound: { host: string; port: number } | undefined;

  constructor(private readonly options: GatewayServerOptions) {
    this.jobs = new JobChannels(options.engine, options.logger);
    const ctx: GatewayContext = {
      engine: options.engine,
      logger: options.logger,
      tenants: new TenantPolicy(options.multiTenancy ?? false),
      jobs: this.jobs,
      shutdown: this.shutdown.signal,
      endpoint: () => this.bound ?? { host: '127.0.0.1', port: 0 },
    };
    this.server.addService(loadGatewayService(), {
      Topology: topology(ctx),
      DeployResource: deployResource(ctx),
      DeployProcess: deployProcess(ctx),
      DeleteResource: deleteResource(ctx),
      CreateProcessInstance: createProcessInstance(ctx),
      CreateProcessInstanceWithResult: createProcessInstanceWithResult(ctx),
      CancelProcessInstance: cancelProcessInstance(ctx),
      SetVariables: setVariables(ctx),
      ActivateJobs: activateJobs(ctx),
      StreamActivatedJobs: streamActivatedJobs(ctx),
      CompleteJob: completeJob(ctx),
      FailJob: failJob(ctx),
      ThrowError: throwError(ctx),
      UpdateJobRetries: updateJobRetries(ctx),
      UpdateJobTimeout: updateJobTimeout(ctx),
      ResolveIncident: resolveIncident(ctx),
      PublishMessage: publishMessage(ctx),
      BroadcastSignal: broadcastSignal(ctx),
      EvaluateDecision: evaluateDecision(ctx),
      ModifyProcessInstance: modifyProcessInstance(ctx),
      MigrateProcessInstance: notImplemented(ctx, 'MigrateProcessInstance'),
    });
  }

  /** Listens on host:port (0 picks a free port) in plaintext; resolves with the actual port. */
  async listen(host: string, port: number): Promise<{ host: string; port: number }> {
    const actualPort = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync(
        `${host.includes(':') ? `[${host}]` : host}:${port}`,
        grpc.ServerCredentials.createInsecure(),
        (error, boundPort) => (error ? reject(error) : resolve(boundPort)),
      );
    });
    this.bound = { host, port: actualPort };
    return this.bound;
  }

  /**
   * Graceful stop: no new calls; long polls are answered (empty) and job streams ended; unary
   * calls in flight may finish (CreateProcessInstanceWithResult is answered UNAVAILABLE).
   */
  async stop(): Promise<void> {
    this.shutdown.abort();
    const drained = new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    await this.jobs.close();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS);
    });
    const outcome = await Promise.race([drained, grace]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.options.logger.warn('Gateway calls did not finish in time; closing connections');
      this.server.forceShutdown();
    }
  }
}
