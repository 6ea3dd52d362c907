/**
 * The current variables of one process instance by scope: the last VARIABLE CREATED or UPDATED
 * event of each variable. Read from the log, so the variables of scopes that ended (and of
 * finished instances, whose rows are deleted) are there too, with their last value.
 */
import type { VariableValue } from '../state/protocol/values';
import type { LoggedEvent } from './instanceEvents';
import type { MonitoredElementInstance, MonitoredVariable } from './types';

export function foldVariables(
  events: readonly LoggedEvent[],
  elementInstances: readonly MonitoredElementInstance[],
): MonitoredVariable[] {
  const elementIdOf = new Map(elementInstances.map((e) => [e.key, e.elementId]));
  const byKey = new Map<string, MonitoredVariable>();
  for (const event of events) {
    if (event.valueType !== 'VARIABLE') continue;
    if (event.intent !== 'CREATED' && event.intent !== 'UPDATED') continue;
    const value = event.value as unknown as VariableValue;
    byKey.set(event.key, {
      key: event.key,
      name: value.name,
      value: value.value,
      scopeKey: value.scopeKey,
      scopeElementId: elementIdOf.get(value.scopeKey) ?? null,
    });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      compareKeys(a.scopeKey, b.scopeKey) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/** Decimal keys in numeric order. */
export function compareKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
