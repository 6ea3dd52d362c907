/**
 * RESOURCE_DELETION DELETE: deletes a process definition (when no instance of it runs) or a
 * form. Versions are never reused; running instances keep their model.
 */
import type { CommandProcessor } from '../CommandProcessor';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import type { ResourceDeletionValue } from '../../state/protocol/values';

export class ResourceDeletionProcessor implements CommandProcessor<ResourceDeletionValue> {
  process(command: TypedCommand<ResourceDeletionValue>, ctx: ProcessingContext): void {
    const key = command.value.resourceKey;
    const state = ctx.state.processes;
    const definition = state.definitions.get(key);
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
