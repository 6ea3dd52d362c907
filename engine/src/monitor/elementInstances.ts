/**
 * The element instances of one process instance, folded from its PROCESS_INSTANCE events (live
 * element instances are deleted when they end, the log keeps them): started at
 * ELEMENT_ACTIVATING, ended at ELEMENT_COMPLETED or ELEMENT_TERMINATED.
 */
import type { ElementType } from '../model/types';
import type { ProcessInstanceValue } from '../state/protocol/values';
import type { LoggedEvent } from './instanceEvents';
import type { MonitoredElementInstance } from './types';

export function foldElementInstances(
  events: readonly LoggedEvent[],
  openIncidentOf: ReadonlyMap<string, string>,
): MonitoredElementInstance[] {
  const byKey = new Map<string, MonitoredElementInstance>();
  for (const event of events) {
    if (event.valueType !== 'PROCESS_INSTANCE') continue;
    const value = event.value as unknown as ProcessInstanceValue;
    if (value.bpmnElementType === 'SEQUENCE_FLOW') continue;
    let instance = byKey.get(event.key);
    if (!instance) {
      instance = {
        key: event.key,
        elementId: value.elementId,
        elementType: value.bpmnElementType as ElementType,
        flowScopeKey: value.flowScopeKey === '-1' ? null : value.flowScopeKey,
        state: 'ACTIVE',
        incidentKey: openIncidentOf.get(event.key) ?? null,
        startDate: event.timestamp,
        endDate: null,
      };
      byKey.set(event.key, instance);
    }
    if (event.intent === 'ELEMENT_COMPLETED' || event.intent === 'ELEMENT_TERMINATED') {
      instance.state = event.intent === 'ELEMENT_COMPLETED' ? 'COMPLETED' : 'TERMINATED';
      instance.endDate = event.timestamp;
    }
  }
  return [...byKey.values()];
}
