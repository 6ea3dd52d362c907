/**
 * Activates an element of a running process instance (Zeebe's ElementActivationBehavior, used
 * by process instance modification): finds the flow scope instances the element needs — an
 * existing one, or the one the ancestor key selects — and creates the missing ones with
 * ELEMENT_ACTIVATING / ELEMENT_ACTIVATED events and their event subscriptions (no start event,
 * no input mappings), then writes ACTIVATE_ELEMENT for the element itself.
 */
import type { ExecutableFlowNode, ExecutableProcess } from '../../../model/types';
import type { ElementInstance } from '../../../state/ElementInstanceState';
import type { BpmnBehaviors } from '../../bpmn/behavior/BpmnBehaviors';
import { childValue, contextOf, type BpmnElementContext } from '../../bpmn/BpmnElementContext';

export const NO_ANCESTOR = '-1';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Called with the id and the instance key of each scope on the way and of the element. */
export type ScopeCallback = (elementId: string, scopeKey: string) => void;

const MORE_THAN_ONE_FLOW_SCOPE_INSTANCE = (processId: string, scopeId: string) =>
  `Expected to modify instance of process '${processId}' but it contains one or more activate instructions for an element that has a flow scope with more than one active instance: '${scopeId}'. Can't decide in which instance of the flow scope the element should be activated. Please specify an ancestor element instance key for this activate instruction.`;

const MULTI_INSTANCE = (processId: string, elementId: string) =>
  `Expected to modify instance of process '${processId}' but it contains one or more activate instructions that would result in the activation of multi-instance element '${elementId}', which is currently unsupported.`;

export class ElementActivationBehavior {
  constructor(private readonly b: BpmnBehaviors) {}

  /** Returns the keys of the flow scope instances the element is activated in (the process's too). */
  activateElement(
    processInstance: ElementInstance,
    process: ExecutableProcess,
    element: ExecutableFlowNode,
    ancestorKey: string,
    onScope: ScopeCallback,
  ): Outcome<string[]> {
    const processId = processInstance.bpmnProcessId;
    let scope = contextOf(processInstance);
    onScope(process.bpmnProcessId, scope.key);
    const scopeKeys = [scope.key];
    for (const scopeElement of flowScopesOf(process, element)) {
      let found = this.reusable(scope.key, scopeElement, ancestorKey, processId);
      if (!found.ok) return found;
      if (scopeElement.multiInstance) {
        // the body, then one of its inner instances; new ones are not created
        if (found.value === undefined)
          return { ok: false, reason: MULTI_INSTANCE(processId, scopeElement.id) };
        scopeKeys.push(found.value);
        found = this.reusable(found.value, scopeElement, ancestorKey, processId);
        if (!found.ok) return found;
        if (found.value === undefined)
          return { ok: false, reason: MULTI_INSTANCE(processId, scopeElement.id) };
      }
      const key = found.value ?? this.activateFlowScope(scope, scopeElement, onScope);
      if (typeof key !== 'string') return key;
      if (found.value !== undefined) onScope(scopeElement.id, key);
      const instance = this.b.state.elementInstances.get(key);
      if (!instance) throw new Error(`Flow scope instance '${key}' not found`);
      scope = contextOf(instance);
      scopeKeys.push(key);
    }
    const key = this.b.state.keys.nextKey();
    this.b.transitions.activateElement(key, childValue(scope, element));
    onScope(element.id, key);
    return { ok: true, value: scopeKeys };
  }

  /**
   * The instance of `scopeElement` inside `flowScopeKey` to reuse, or undefined to create one:
   * the only one (unless the selected ancestor lies above it), or the selected one.
   */
  private reusable(
    flowScopeKey: string,
    scopeElement: ExecutableFlowNode,
    ancestorKey: string,
    processId: string,
  ): Outcome<string | undefined> {
    const instances = this.b.state.elementInstances.childrenWithElementId(
      flowScopeKey,
      scopeElement.id,
    );
    const selected = ancestorKey !== NO_ANCESTOR;
    if (instances.length === 0) return { ok: true, value: undefined };
    if (instances.length === 1) {
      const only = instances[0]!;
      const below = selected && this.isAncestor(ancestorKey, only);
      return { ok: true, value: below ? undefined : only.key };
    }
    const ambiguous = {
      ok: false as const,
      reason: MORE_THAN_ONE_FLOW_SCOPE_INSTANCE(processId, scopeElement.id),
    };
    if (!selected) return ambiguous;
    if (instances.some((i) => i.key === ancestorKey)) return { ok: true, value: ancestorKey };
    if (instances.some((i) => this.isAncestor(ancestorKey, i)))
      return { ok: true, value: undefined };
    const ancestor = this.b.state.elementInstances.get(ancestorKey);
    const above = ancestor ? instances.find((i) => this.isAncestor(i.key, ancestor)) : undefined;
    return above ? { ok: true, value: above.key } : ambiguous;
  }

  /** Whether `ancestorKey` is a (direct or indirect) flow scope of `instance`. */
  private isAncestor(ancestorKey: string, instance: ElementInstance): boolean {
    let current: ElementInstance | undefined = instance;
    while (current && current.flowScopeKey !== '-1') {
      if (current.flowScopeKey === ancestorKey) return true;
      current = this.b.state.elementInstances.get(current.flowScopeKey);
    }
    return false;
  }

  /** A new flow scope instance by events; its boundary events and event subprocesses subscribe. */
  private activateFlowScope(
    flowScope: BpmnElementContext,
    element: ExecutableFlowNode,
    onScope: ScopeCallback,
  ): string | Outcome<never> {
    const context: BpmnElementContext = {
      key: this.b.state.keys.nextKey(),
      value: childValue(flowScope, element),
    };
    this.b.transitions.transitionToActivating(context);
    onScope(element.id, context.key);
    this.b.transitions.transitionToActivated(context);
    const now = this.b.ctx.now;
    let subscribed = this.b.eventSubscriptions.subscribeToEvents(element, context, now);
    if (subscribed.ok) {
      subscribed = this.b.eventSubscriptions.subscribeToEventSubProcesses(element, context, now);
    }
    if (!subscribed.ok) {
      return {
        ok: false,
        reason: `Expected to subscribe to catch event(s) of '${element.id}' but ${subscribed.failure.message}`,
      };
    }
    return context.key;
  }
}

/** The flow scopes of an element from the outermost down, without the process. */
export function flowScopesOf(
  process: ExecutableProcess,
  element: ExecutableFlowNode,
): ExecutableFlowNode[] {
  const scopes: ExecutableFlowNode[] = [];
  let scope = process.elements.get(element.flowScopeId);
  while (scope && scope.elementType !== 'PROCESS') {
    scopes.unshift(scope);
    scope = process.elements.get(scope.flowScopeId);
  }
  return scopes;
}
