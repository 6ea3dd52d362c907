/** The behaviours element processors are built from (Zeebe's BpmnBehaviors). */
import type { EngineState } from '../../../state/EngineState';
import type { ProcessingContext } from '../../ProcessingContext';
import type { ProcessResults } from '../../processinstance/ProcessResults';
import { DecisionBehavior } from '../../decision/DecisionBehavior';
import { BpmnCompensationBehavior } from './BpmnCompensationBehavior';
import { BpmnDecisionBehavior } from './BpmnDecisionBehavior';
import { BpmnErrorBehavior } from './BpmnErrorBehavior';
import { BpmnEscalationBehavior } from './BpmnEscalationBehavior';
import { BpmnEventSubProcessBehavior } from './BpmnEventSubProcessBehavior';
import { BpmnEventSubscriptionBehavior } from './BpmnEventSubscriptionBehavior';
import { BpmnEventTriggerBehavior } from './BpmnEventTriggerBehavior';
import { BpmnInclusiveGatewayBehavior } from './BpmnInclusiveGatewayBehavior';
import { BpmnIncidentBehavior } from './BpmnIncidentBehavior';
import { BpmnJobBehavior } from './BpmnJobBehavior';
import { BpmnSignalBehavior } from './BpmnSignalBehavior';
import { BpmnStartEventBehavior } from './BpmnStartEventBehavior';
import { BpmnStateTransitionBehavior } from './BpmnStateTransitionBehavior';
import { BpmnVariableMappingBehavior } from './BpmnVariableMappingBehavior';
import { ExpressionBehavior } from './ExpressionBehavior';
import { TimerBehavior } from './TimerBehavior';
import { VariableBehavior } from './VariableBehavior';

export class BpmnBehaviors {
  readonly state: EngineState;
  readonly expressions: ExpressionBehavior;
  readonly variables: VariableBehavior;
  readonly variableMappings: BpmnVariableMappingBehavior;
  readonly transitions: BpmnStateTransitionBehavior;
  readonly incidents: BpmnIncidentBehavior;
  readonly jobs: BpmnJobBehavior;
  readonly timers: TimerBehavior;
  readonly eventSubscriptions: BpmnEventSubscriptionBehavior;
  readonly eventTriggers: BpmnEventTriggerBehavior;
  readonly errors: BpmnErrorBehavior;
  readonly eventSubProcesses: BpmnEventSubProcessBehavior;
  readonly escalations: BpmnEscalationBehavior;
  readonly signals: BpmnSignalBehavior;
  readonly inclusiveGateways: BpmnInclusiveGatewayBehavior;
  readonly startEvents: BpmnStartEventBehavior;
  readonly compensations: BpmnCompensationBehavior;
  readonly decisions: BpmnDecisionBehavior;

  constructor(
    readonly ctx: ProcessingContext,
    readonly results: ProcessResults,
  ) {
    const { state, writers } = ctx;
    this.state = state;
    this.expressions = new ExpressionBehavior(state);
    this.variables = new VariableBehavior(state, writers);
    this.variableMappings = new BpmnVariableMappingBehavior(
      state,
      this.expressions,
      this.variables,
    );
    this.transitions = new BpmnStateTransitionBehavior(state, writers);
    this.incidents = new BpmnIncidentBehavior(state, writers);
    this.jobs = new BpmnJobBehavior(state, ctx, this.expressions);
    this.timers = new TimerBehavior(this.expressions);
    this.eventSubscriptions = new BpmnEventSubscriptionBehavior(
      state,
      writers,
      this.expressions,
      this.timers,
    );
    this.eventSubProcesses = new BpmnEventSubProcessBehavior(
      state,
      writers,
      this.transitions,
      this.eventSubscriptions,
    );
    this.eventTriggers = new BpmnEventTriggerBehavior(
      state,
      writers,
      this.transitions,
      this.eventSubProcesses,
    );
    this.errors = new BpmnErrorBehavior(state, this.eventTriggers);
    this.escalations = new BpmnEscalationBehavior(state, writers, this.eventTriggers);
    this.signals = new BpmnSignalBehavior(state, writers, this.expressions);
    this.inclusiveGateways = new BpmnInclusiveGatewayBehavior(state, writers);
    this.startEvents = new BpmnStartEventBehavior(ctx, this.transitions);
    this.compensations = new BpmnCompensationBehavior(state, writers);
    this.decisions = new BpmnDecisionBehavior(
      state,
      writers,
      new DecisionBehavior(state),
      this.expressions,
      this.eventTriggers,
    );
  }
}
