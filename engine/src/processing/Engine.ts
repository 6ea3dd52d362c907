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
  type EvaluateDecisionRequest,
  type EvaluateDecisionResponse,
  type EngineApi,
  type Key,
  type ModifyProcessInstanceRequest,
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
import type {
  ProcessInstanceCreationValue,
  ProcessInstanceModificationValue,
} from '../state/protocol/values';
import { BpmnBehaviors } from './bpmn/behavior/BpmnBehaviors';
import { CommandLoop } from './CommandLoop';
import { createCommandProcessors } from './CommandProcessors';
import type { DecisionEvaluationResponse } from './decision/DecisionEvaluationEvaluateProcessor';
import { toEvaluateDecisionResponse } from './decision/evaluateDecisionResponse';
import { parseResources } from './deployment/parseResources';
import { EngineLock } from './EngineLock';
import { JobListeners } from './JobListeners';
import { loadProcessModels } from './loadProcessModels';
import { ProcessingContext } from './ProcessingContext';
import { awaitResult, stoppedWhileAwaiting } from './processinstance/awaitResult';
import { ProcessResults, type ResultWaiter } from './processinstance/ProcessResults';
import { TenantRules } from './TenantRules';
import { DueDateScheduler } from './scheduler/DueDateScheduler';
import { StreamProcessor, type QueuedCommand } from './StreamProcessor';
import { Writers } from './Writers';
import {
  DEFAULT_MAX_IN_FLIGHT_COMMANDS,
  RequestLimiter,
  type LimitedCommand,
} from './RequestLimiter';

export interface EngineOptions {
  knex: Knex;
  clock: Clock;
  logger?: pino.Logger;
  multiTenancy?: boolean;
  /** Commands in flight at which new work is refused with BackpressureError (RequestLimiter). */
  maxInFlightCommands?: number;
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../state/migrations');
const ENGINE_VERSION = '8.6.0';
export { AWAIT_RESULT_TIMEOUT_INTENT, isAwaitResultTimeout } from './processinstance/awaitResult';

export class Engine implements EngineApi {
  private readonly jobListeners = new JobListeners();
  private readonly results = new ProcessResults();
  private readonly loop: CommandLoop;
  private readonly scheduler: DueDateScheduler;
  private readonly multiTenancy: boolean;
  private readonly tenantRules: TenantRules;
  private readonly limiter: RequestLimiter;
  private stopped = false;

  static async create(options: EngineOptions): Promise<Engine> {
    const logger = options.logger ?? pino({ level: 'silent' });
    const lock = await EngineLock.acquire(options.knex);
    try {
      await migrateLatest(options.knex, { directory: MIGRATIONS, schema: 'engine' });
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
    this.tenantRules = new TenantRules(this.multiTenancy);
    this.limiter = new RequestLimiter(
      options.maxInFlightCommands ?? DEFAULT_MAX_IN_FLIGHT_COMMANDS,
      () => this.loop.inFlight,
    );
    const writers = new Writers(state);
    const ctx = new ProcessingContext(state, writers, this.jobListeners);
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
    for (const waiter of this.results.clear()) waiter.resolve(stoppedWhileAwaiting());
    await this.lock.release();
  }

  /** Resolves when every command queued so far (schedulers' included) is processed. */
  async idle(): Promise<void> {
    await this.loop.drain();
  }

  /** Commands queued or being processed now: what backpressure compares with its limit. */
  get inFlightCommands(): number {
    return this.loop.inFlight;
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
    const tenantId = this.tenantRules.tenant('DeployResource', req.tenantId);
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
    const value = this.creationValue('CreateProcessInstanceWithResult', req);
    if ('ok' in value) return value;
    this.checkBackpressure({
      valueType: 'PROCESS_INSTANCE_CREATION',
      intent: 'CREATE_WITH_AWAITING_RESULT',
    });
    if (this.stopped) return stoppedWhileAwaiting();
    return awaitResult(value, opts, this.results, (command) => this.loop.submit(command));
  }

  cancelProcessInstance(processInstanceKey: Key): Promise<Result<void>> {
    return this.send({
      key: processInstanceKey,
      valueType: 'PROCESS_INSTANCE',
      intent: 'CANCEL',
      value: { processInstanceKey },
    });
  }

  modifyProcessInstance(req: ModifyProcessInstanceRequest): Promise<Result<void>> {
    return this.send({
      key: req.processInstanceKey,
      valueType: 'PROCESS_INSTANCE_MODIFICATION',
      intent: 'MODIFY',
      value: {
        processInstanceKey: req.processInstanceKey,
        activateInstructions: req.activateInstructions.map((i) => ({
          elementId: i.elementId,
          ancestorScopeKey: i.ancestorElementInstanceKey,
          variableInstructions: i.variableInstructions.map((v) => ({
            variables: v.variables,
            elementId: v.scopeId,
          })),
          ancestorScopeKeys: [],
        })),
        terminateInstructions: req.terminateInstructions.map((i) => ({
          elementInstanceKey: i.elementInstanceKey,
        })),
        tenantId: DEFAULT_TENANT,
      } satisfies ProcessInstanceModificationValue,
    });
  }

  // ---- jobs ----------------------------------------------------------------------------------

  async activateJobs(req: ActivateJobsRequest): Promise<Result<ActivatedJob[]>> {
    const tenantIds = this.tenantRules.tenants('ActivateJobs', req.tenantIds);
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
    const tenantId = this.tenantRules.tenant('PublishMessage', req.tenantId);
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
    const tenantId = this.tenantRules.tenant('BroadcastSignal', req.tenantId);
    if (typeof tenantId !== 'string') return tenantId;
    return this.send({
      key: '-1',
      valueType: 'SIGNAL',
      intent: 'BROADCAST',
      value: { ...req, tenantId },
    });
  }

  // ---- decisions -----------------------------------------------------------------------------

  async evaluateDecision(req: EvaluateDecisionRequest): Promise<Result<EvaluateDecisionResponse>> {
    const tenantId = this.tenantRules.tenant('EvaluateDecision', req.tenantId);
    if (typeof tenantId !== 'string') return tenantId;
    const result = await this.send<DecisionEvaluationResponse>({
      key: '-1',
      valueType: 'DECISION_EVALUATION',
      intent: 'EVALUATE',
      value: {
        decisionId: req.decisionId,
        decisionKey: req.decisionKey,
        variables: req.variables,
        tenantId,
      },
    });
    return result.ok ? { ok: true, value: toEvaluateDecisionResponse(result.value) } : result;
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
    if (!this.limiter.accepts(command)) return Promise.reject(new BackpressureError(command));
    return this.loop.submit(command) as Promise<Result<T>>;
  }

  private checkBackpressure(command: LimitedCommand): void {
    if (!this.limiter.accepts(command)) throw new BackpressureError(command);
  }

  private creationValue(
    request: string,
    req: CreateProcessInstanceRequest,
  ): ProcessInstanceCreationValue | { ok: false; rejection: Rejection } {
    const tenantId = this.tenantRules.tenant(request, req.tenantId);
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

  private dropWaiter(command: QueuedCommand): void {
    if (command.attachment && typeof command.attachment === 'object') {
      this.results.removeWaiter(command.attachment as ResultWaiter);
    }
  }
}
