/**
 * The engine: EngineApi (engine/src/api.ts) without gRPC. Each call becomes a command for the
 * single-writer command loop (CommandLoop); see README.md in this folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import pino from 'pino';
import {
  BackpressureError,
  DEFAULT_TENANT,
  type ActivateJobsRequest,
  type ActivatedJob,
  type CreateProcessInstanceRequest,
  type DeployResourceRequest,
  type DeploymentResult,
  type EngineApi,
  type Key,
  type ProcessInstanceCreated,
  type ProcessInstanceResult,
  type PublishMessageRequest,
  type Rejection,
  type Result,
  type TopologyInfo,
  type Variables,
} from '../api';
import type { Clock } from '../clock';
import { EngineState } from '../state/EngineState';
import { migrateLatest } from '../state/migrator';
import type { ProcessInstanceCreationValue } from '../state/protocol/values';
import { BpmnBehaviors } from './bpmn/behavior/BpmnBehaviors';
import { CommandLoop } from './CommandLoop';
import { createCommandProcessors } from './CommandProcessors';
import { parseResources } from './deployment/parseResources';
import { EngineLock } from './EngineLock';
import { JobListeners } from './JobListeners';
import { loadProcessModels } from './loadProcessModels';
import { ProcessingContext } from './ProcessingContext';
import { ProcessResults, type ResultWaiter } from './processinstance/ProcessResults';
import { DueDateScheduler } from './scheduler/DueDateScheduler';
import { StreamProcessor, type QueuedCommand } from './StreamProcessor';
import { Writers } from './Writers';

export interface EngineOptions {
  knex: Knex;
  clock: Clock;
  logger?: pino.Logger;
  multiTenancy?: boolean;
  /** Max in-flight create/publish commands before BackpressureError. */
  maxInFlightCommands?: number;
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../state/migrations');
const ENGINE_VERSION = '8.6.0';
/** CreateProcessInstanceWithResult without a request timeout waits at most this long. */
const DEFAULT_AWAIT_RESULT_MS = 60 * 60 * 1000;

/** The rejection a CreateProcessInstanceWithResult gets when its request timeout passes. */
export const AWAIT_RESULT_TIMEOUT_INTENT = 'CREATE_WITH_AWAITING_RESULT';
export function isAwaitResultTimeout(rejection: Rejection): boolean {
  return (
    rejection.intent === AWAIT_RESULT_TIMEOUT_INTENT &&
    rejection.type === 'PROCESSING_ERROR' &&
    rejection.reason.startsWith('Time out between gateway and broker')
  );
}

export class Engine implements EngineApi {
  private readonly jobListeners = new JobListeners();
  private readonly results = new ProcessResults();
  private readonly loop: CommandLoop;
  private readonly scheduler: DueDateScheduler;
  private readonly multiTenancy: boolean;
  private readonly maxInFlight: number;
  private stopped = false;

  static async create(options: EngineOptions): Promise<Engine> {
    const logger = options.logger ?? pino({ level: 'silent' });
    await migrateLatest(options.knex, { directory: MIGRATIONS, schema: 'engine' });
    const lock = await EngineLock.acquire(options.knex);
    try {
      const state = new EngineState();
      await state.load(options.knex);
      await loadProcessModels(options.knex, state, logger);
      const engine = new Engine(options, state, lock, logger);
      engine.scheduler.start();
      return engine;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private constructor(
    private readonly options: EngineOptions,
    private readonly state: EngineState,
    private readonly lock: EngineLock,
    private readonly logger: pino.Logger,
  ) {
    this.multiTenancy = options.multiTenancy ?? false;
    this.maxInFlight = options.maxInFlightCommands ?? 1000;
    const writers = new Writers(state);
    const ctx = new ProcessingContext(state, writers, this.jobListeners, {
      multiTenancy: this.multiTenancy,
    });
    const behaviors = new BpmnBehaviors(ctx, this.results);
    const stream = new StreamProcessor(state, ctx, createCommandProcessors(behaviors), logger);
    this.loop = new CommandLoop(
      options.knex,
      options.clock,
      state,
      ctx,
      stream,
      {
        reload: async () => {
          await state.load(options.knex);
          await loadProcessModels(options.knex, state, logger);
        },
        afterBatch: () => this.scheduler.check(),
        dropped: (command) => this.dropWaiter(command),
      },
      logger,
    );
    this.scheduler = new DueDateScheduler(state, options.clock, (command) =>
      this.loop.submit(command),
    );
  }

  /** Stops the schedulers and waits for the commands in flight; the caller closes knex. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.scheduler.stop();
    await this.loop.drain();
    for (const waiter of this.results.clear()) {
      waiter.resolve({
        ok: false,
        rejection: {
          intent: AWAIT_RESULT_TIMEOUT_INTENT,
          type: 'PROCESSING_ERROR',
          reason: 'Expected to await the process instance result, but the engine was stopped',
        },
      });
    }
    await this.lock.release();
  }

  topology(): TopologyInfo {
    return {
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: ENGINE_VERSION,
      brokers: [{ nodeId: 0, host: '127.0.0.1', port: 26501, version: ENGINE_VERSION }],
    };
  }

  // ---- deployments ---------------------------------------------------------------------------

  async deployResources(req: DeployResourceRequest): Promise<Result<DeploymentResult>> {
    const tenantId = this.tenant('DeployResource', req.tenantId);
    if (typeof tenantId !== 'string') return tenantId;
    const parsed = await parseResources(req.resources);
    return this.send({
      key: '-1',
      valueType: 'DEPLOYMENT',
      intent: 'CREATE',
      value: { resources: req.resources.map((r) => ({ resourceName: r.name })), tenantId },
      attachment: parsed,
    });
  }

  deleteResource(resourceKey: Key): Promise<Result<void>> {
    return this.send({
      key: '-1',
      valueType: 'RESOURCE_DELETION',
      intent: 'DELETE',
      value: { resourceKey, tenantId: DEFAULT_TENANT },
    });
  }

  // ---- process instances ---------------------------------------------------------------------

  async createProcessInstance(
    req: CreateProcessInstanceRequest,
  ): Promise<Result<ProcessInstanceCreated>> {
    this.checkBackpressure();
    const value = this.creationValue('CreateProcessInstance', req);
    if ('ok' in value) return value;
    return this.send({
      key: '-1',
      valueType: 'PROCESS_INSTANCE_CREATION',
      intent: 'CREATE',
      value,
    });
  }

  async createProcessInstanceWithResult(
    req: CreateProcessInstanceRequest,
    opts: { requestTimeout: number; fetchVariables: string[] },
  ): Promise<Result<ProcessInstanceResult>> {
    this.checkBackpressure();
    const value = this.creationValue('CreateProcessInstanceWithResult', req);
    if ('ok' in value) return value;
    return new Promise<Result<ProcessInstanceResult>>((resolve) => {
      const timeout = opts.requestTimeout > 0 ? opts.requestTimeout : DEFAULT_AWAIT_RESULT_MS;
      let settled = false;
      const finish = (result: Result<ProcessInstanceResult>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const waiter: ResultWaiter = {
        fetchVariables: opts.fetchVariables,
        resolve: finish,
        created: undefined as never,
      };
      const timer = setTimeout(() => {
        this.results.removeWaiter(waiter);
        finish({
          ok: false,
          rejection: {
            intent: AWAIT_RESULT_TIMEOUT_INTENT,
            type: 'PROCESSING_ERROR',
            reason: `Time out between gateway and broker: Request ProcessInstanceCreationCreateProcessInstanceWithResult timed out after ${timeout} ms`,
          },
        });
      }, timeout);
      void this.loop
        .submit({
          key: '-1',
          valueType: 'PROCESS_INSTANCE_CREATION',
          intent: 'CREATE_WITH_AWAITING_RESULT',
          value,
          attachment: waiter,
        })
        .then((result) => {
          // only a rejection arrives here; success is answered when the instance completes
          this.results.removeWaiter(waiter);
          finish(result as Result<ProcessInstanceResult>);
        });
    });
  }

  cancelProcessInstance(processInstanceKey: Key): Promise<Result<void>> {
    return this.send({
      key: processInstanceKey,
      valueType: 'PROCESS_INSTANCE',
      intent: 'CANCEL',
      value: { processInstanceKey },
    });
  }

  // ---- jobs ----------------------------------------------------------------------------------

  async activateJobs(req: ActivateJobsRequest): Promise<Result<ActivatedJob[]>> {
    const tenantIds = this.tenants('ActivateJobs', req.tenantIds);
    if (!Array.isArray(tenantIds)) return tenantIds;
    // nothing to activate: answer without a command (workers poll this often)
    if (!this.state.jobs.hasActivatable(req.type) || req.maxJobsToActivate <= 0)
      return { ok: true, value: [] };
    return this.send({
      key: '-1',
      valueType: 'JOB_BATCH',
      intent: 'ACTIVATE',
      value: {
        type: req.type,
        worker: req.worker,
        timeout: req.timeout,
        maxJobsToActivate: req.maxJobsToActivate,
        tenantIds,
        fetchVariable: req.fetchVariable,
      },
    });
  }

  onJobsAvailable(type: string, listener: () => void): () => void {
    return this.jobListeners.add(type, listener);
  }

  completeJob(jobKey: Key, variables: Variables): Promise<Result<void>> {
    return this.send({ key: jobKey, valueType: 'JOB', intent: 'COMPLETE', value: { variables } });
  }

  failJob(
    jobKey: Key,
    req: { retries: number; errorMessage: string; retryBackOff: number; variables: Variables },
  ): Promise<Result<void>> {
    return this.send({
      key: jobKey,
      valueType: 'JOB',
      intent: 'FAIL',
      value: {
        retries: req.retries,
        errorMessage: req.errorMessage,
        retryBackoff: req.retryBackOff,
        variables: req.variables,
      },
    });
  }

  throwError(
    jobKey: Key,
    req: { errorCode: string; errorMessage: string; variables: Variables },
  ): Promise<Result<void>> {
    return this.send({ key: jobKey, valueType: 'JOB', intent: 'THROW_ERROR', value: { ...req } });
  }

  updateJobRetries(jobKey: Key, retries: number): Promise<Result<void>> {
    return this.send({
      key: jobKey,
      valueType: 'JOB',
      intent: 'UPDATE_RETRIES',
      value: { retries },
    });
  }

  updateJobTimeout(jobKey: Key, timeout: number): Promise<Result<void>> {
    return this.send({
      key: jobKey,
      valueType: 'JOB',
      intent: 'UPDATE_TIMEOUT',
      value: { timeout },
    });
  }

  // ---- variables, incidents, messages, signals -----------------------------------------------

  setVariables(
    elementInstanceKey: Key,
    variables: Variables,
    local: boolean,
  ): Promise<Result<{ key: Key }>> {
    return this.send({
      key: '-1',
      valueType: 'VARIABLE_DOCUMENT',
      intent: 'UPDATE',
      value: {
        scopeKey: elementInstanceKey,
        updateSemantics: local ? 'LOCAL' : 'PROPAGATE',
        variables,
        tenantId: DEFAULT_TENANT,
      },
    });
  }

  resolveIncident(incidentKey: Key): Promise<Result<void>> {
    return this.send({ key: incidentKey, valueType: 'INCIDENT', intent: 'RESOLVE', value: {} });
  }

  async publishMessage(
    req: PublishMessageRequest,
  ): Promise<Result<{ key: Key; tenantId: string }>> {
    this.checkBackpressure();
    const tenantId = this.tenant('PublishMessage', req.tenantId);
    if (typeof tenantId !== 'string') return tenantId;
    return this.send({
      key: '-1',
      valueType: 'MESSAGE',
      intent: 'PUBLISH',
      value: {
        name: req.name,
        correlationKey: req.correlationKey,
        messageId: req.messageId,
        timeToLive: req.timeToLive,
        deadline: -1,
        variables: req.variables,
        tenantId,
      },
    });
  }

  async broadcastSignal(req: {
    signalName: string;
    variables: Variables;
    tenantId: string;
  }): Promise<Result<{ key: Key; tenantId: string }>> {
    const tenantId = this.tenant('BroadcastSignal', req.tenantId);
    if (typeof tenantId !== 'string') return tenantId;
    return this.send({
      key: '-1',
      valueType: 'SIGNAL',
      intent: 'BROADCAST',
      value: { ...req, tenantId },
    });
  }

  // ---- helpers -------------------------------------------------------------------------------

  private send<T>(command: QueuedCommand): Promise<Result<T>> {
    if (this.stopped) {
      return Promise.resolve({
        ok: false,
        rejection: {
          intent: command.intent,
          type: 'PROCESSING_ERROR',
          reason: 'Expected to process the command, but the engine is stopped',
        },
      });
    }
    return this.loop.submit(command) as Promise<Result<T>>;
  }

  private checkBackpressure(): void {
    if (this.loop.inFlight >= this.maxInFlight) throw new BackpressureError();
  }

  private creationValue(
    request: string,
    req: CreateProcessInstanceRequest,
  ): ProcessInstanceCreationValue | { ok: false; rejection: Rejection } {
    const tenantId = this.tenant(request, req.tenantId);
    if (typeof tenantId !== 'string') return tenantId;
    return {
      bpmnProcessId: req.bpmnProcessId ?? '',
      processDefinitionKey: req.processDefinitionKey ?? '-1',
      version: req.version ?? -1,
      variables: req.variables,
      startInstructions: req.startInstructions.map((i) => ({ elementId: i.elementId })),
      processInstanceKey: '-1',
      tenantId,
      fetchVariables: [],
    };
  }

  /** Zeebe's gateway tenant rules (the gateway checks them too). */
  private tenant(request: string, tenantId: string): string | { ok: false; rejection: Rejection } {
    const given = tenantId.trim();
    if (!this.multiTenancy) {
      if (given === '' || given === DEFAULT_TENANT) return DEFAULT_TENANT;
      return invalidTenant(request, tenantId, 'multi-tenancy is disabled');
    }
    if (given === '') return invalidTenant(request, tenantId, 'no tenant identifier was provided.');
    return tenantId;
  }

  private tenants(
    request: string,
    tenantIds: string[],
  ): string[] | { ok: false; rejection: Rejection } {
    if (tenantIds.length === 0) return [DEFAULT_TENANT];
    const result: string[] = [];
    for (const tenantId of tenantIds) {
      const checked = this.tenant(request, tenantId);
      if (typeof checked !== 'string') return checked;
      result.push(checked);
    }
    return result;
  }

  private dropWaiter(command: QueuedCommand): void {
    if (command.attachment && typeof command.attachment === 'object') {
      this.results.removeWaiter(command.attachment as ResultWaiter);
    }
  }
}

function invalidTenant(
  request: string,
  tenantId: string,
  reason: string,
): { ok: false; rejection: Rejection } {
  return {
    ok: false,
    rejection: {
      intent: request,
      type: 'INVALID_ARGUMENT',
      reason: `Expected to handle gRPC request ${request} with tenant identifier '${tenantId}', but ${reason}`,
    },
  };
}
