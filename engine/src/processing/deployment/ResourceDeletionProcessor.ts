/**
 * RESOURCE_DELETION DELETE: deletes a process definition (when no instance of it runs), a
 * decision requirements graph with its decisions, or a form — the resource kinds Zeebe 8.6's
 * DeleteResource takes, tried in its order. A decision's own key is not a resource key.
 * Process and form versions are never reused; running instances keep their model.
 */
import type { CommandProcessor } from '../CommandProcessor';
import type { StartEventSubscriptions } from '../startevent/StartEventSubscriptions';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import type { DecisionRequirements } from '../../state/DecisionState';
import type {
  DecisionRequirementsValue,
  DecisionValue,
  ResourceDeletionValue,
} from '../../state/protocol/values';

export class ResourceDeletionProcessor implements CommandProcessor<ResourceDeletionValue> {
  /** startEvents: closes the deleted version's start events, re-opens the version before it. */
  constructor(private readonly startEvents?: StartEventSubscriptions) {}

  process(command: TypedCommand<ResourceDeletionValue>, ctx: ProcessingContext): void {
    const key = command.value.resourceKey;
    const state = ctx.state.processes;
    const definition = state.definitions.get(key);
    const drg = ctx.state.decisions.getDecisionRequirementsByKey(key);
    const form = state.forms.get(key);
    if (definition?.state === 'ACTIVE') {
      for (const instance of ctx.state.elementInstances.processInstances.values()) {
        if (instance.processDefinitionKey === key && instance.state === 'ACTIVE') {
          return ctx.reject(
            'INVALID_STATE',
            `Expected to delete resource with key \`${key}\` but there are still running instances`,
          );
        }
      }
      const value = { ...definition, processDefinitionKey: key, resource: '', versionTag: '' };
      ctx.writers.appendEvent(command.key, 'RESOURCE_DELETION', 'DELETING', command.value);
      ctx.writers.appendEvent(key, 'PROCESS', 'DELETING', value);
      ctx.writers.appendEvent(key, 'PROCESS', 'DELETED', value);
      this.startEvents?.onDeleted(ctx, definition);
    } else if (drg) {
      ctx.writers.appendEvent(command.key, 'RESOURCE_DELETION', 'DELETING', command.value);
      deleteDecisionRequirements(drg, ctx);
    } else if (form?.state === 'ACTIVE') {
      ctx.writers.appendEvent(command.key, 'RESOURCE_DELETION', 'DELETING', command.value);
      ctx.writers.appendEvent(key, 'FORM', 'DELETED', { ...form, formKey: key, resource: '' });
    } else {
      return ctx.reject(
        'NOT_FOUND',
        `Expected to delete resource but no resource found with key \`${key}\``,
      );
    }
    ctx.writers.appendEvent(command.key, 'RESOURCE_DELETION', 'DELETED', command.value);
    ctx.respond(undefined);
  }
}

/** DECISION DELETED for each decision of the DRG, then DECISION_REQUIREMENTS DELETED. */
function deleteDecisionRequirements(drg: DecisionRequirements, ctx: ProcessingContext): void {
  for (const decision of ctx.state.decisions.getDecisionsOf(drg.key)) {
    ctx.writers.appendEvent(decision.key, 'DECISION', 'DELETED', {
      decisionId: decision.decisionId,
      decisionName: decision.name,
      version: decision.version,
      decisionKey: decision.key,
      decisionRequirementsId: decision.decisionRequirementsId,
      decisionRequirementsKey: decision.decisionRequirementsKey,
      tenantId: decision.tenantId,
      deploymentKey: decision.deploymentKey,
    } satisfies DecisionValue);
  }
  ctx.writers.appendEvent(drg.key, 'DECISION_REQUIREMENTS', 'DELETED', {
    decisionRequirementsId: drg.decisionRequirementsId,
    decisionRequirementsName: drg.name,
    decisionRequirementsVersion: drg.version,
    decisionRequirementsKey: drg.key,
    namespace: drg.namespace,
    resourceName: drg.resourceName,
    checksum: drg.checksum,
    resource: '',
    tenantId: drg.tenantId,
    deploymentKey: drg.deploymentKey,
  } satisfies DecisionRequirementsValue);
}
