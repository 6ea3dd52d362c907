/**
 * Processes the PROCESS_INSTANCE commands ACTIVATE_ELEMENT, COMPLETE_ELEMENT and
 * TERMINATE_ELEMENT (Zeebe's BpmnStreamProcessor): checks the instance is in a state that
 * allows the step, does the lifecycle transition, and hands over to the element's processor.
 * A step that failed with an incident is re-run by resolving the incident: the instance is
 * then already ACTIVATING or COMPLETING.
 */
import type { ProcessInstanceValue } from '../../state/protocol/values';
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import { contextOf, type BpmnElementContext } from './BpmnElementContext';
import type { BpmnElementProcessors } from './BpmnElementProcessors';
import type { BpmnBehaviors } from './behavior/BpmnBehaviors';

const TERMINABLE = new Set(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING']);

export class BpmnStreamProcessor implements CommandProcessor<ProcessInstanceValue> {
  constructor(
    private readonly b: BpmnBehaviors,
    private readonly processors: BpmnElementProcessors,
  ) {}

  process(command: TypedCommand<ProcessInstanceValue>, ctx: ProcessingContext): void {
    const value = command.value;
    const process = this.b.state.processes.getModel(value.processDefinitionKey);
    const element = process?.elements.get(value.elementId);
    if (!element) {
      throw new Error(
        `Element '${value.elementId}' of process '${value.processDefinitionKey}' not found`,
      );
    }
    const processor = this.processors.forElement(element);
    const context: BpmnElementContext = { key: command.key, value };
    const instance = this.b.state.elementInstances.get(command.key);
    switch (command.intent) {
      case 'ACTIVATE_ELEMENT': {
        if (instance?.state === 'ELEMENT_ACTIVATING') return processor.onActivate(element, context);
        if (instance) return ctx.reject('INVALID_STATE', stateMessage(command, instance.state));
        if (value.bpmnElementType !== 'PROCESS') {
          const flowScope = this.b.state.elementInstances.get(value.flowScopeKey);
          if (flowScope?.state !== 'ELEMENT_ACTIVATED') {
            return ctx.reject(
              'INVALID_STATE',
              `Expected flow scope instance with key '${value.flowScopeKey}' to be active, but it is ${flowScope ? `in state '${flowScope.state}'` : 'not found'}`,
            );
          }
          const interruptingKey = flowScope.runtime.interruptingKey;
          if (interruptingKey !== undefined && interruptingKey !== command.key) {
            const startEventId = this.b.state.eventTriggers.get(interruptingKey)?.elementId;
            const interruptedBy =
              this.b.state.elementInstances.get(interruptingKey)?.elementId ??
              (startEventId === undefined
                ? undefined
                : process?.elements.get(startEventId)?.flowScopeId);
            ctx.reject(
              'INVALID_STATE',
              `Expected flow scope instance to be not interrupted but was interrupted by an event with id '${interruptedBy ?? interruptingKey}'.`,
            );
            // the element that was on its way (a boundary event) will not come: start the event subprocess
            this.b.eventSubProcesses.activatePending(contextOf(flowScope));
            return;
          }
        }
        const joinWaits = this.b.inclusiveGateways.checkActivation(element, value.flowScopeKey);
        if (joinWaits !== undefined) return ctx.reject('INVALID_STATE', joinWaits);
        this.b.transitions.transitionToActivating(context);
        return processor.onActivate(element, context);
      }
      case 'COMPLETE_ELEMENT': {
        if (instance?.state === 'ELEMENT_COMPLETING') return processor.onComplete(element, context);
        if (instance?.state !== 'ELEMENT_ACTIVATED') {
          return ctx.reject('INVALID_STATE', stateMessage(command, instance?.state));
        }
        this.b.transitions.transitionToCompleting(context);
        return processor.onComplete(element, context);
      }
      case 'TERMINATE_ELEMENT': {
        if (!instance || !TERMINABLE.has(instance.state)) {
          return ctx.reject('INVALID_STATE', stateMessage(command, instance?.state));
        }
        this.b.transitions.transitionToTerminating(context);
        return processor.onTerminate(element, context);
      }
      default:
        throw new Error(`Unexpected PROCESS_INSTANCE command ${command.intent}`);
    }
  }
}

function stateMessage(command: TypedCommand, state: string | undefined): string {
  return state === undefined
    ? `Expected element instance with key '${command.key}' to be present in state but not found`
    : `Expected to ${command.intent.toLowerCase().replace('_element', '')} element instance with key '${command.key}', but it is in state '${state}'`;
}
