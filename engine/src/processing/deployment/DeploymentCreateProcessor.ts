/**
 * DEPLOYMENT CREATE, in the two steps of Zeebe 8.6's DeploymentTransformer:
 *
 * 1. metadata: for every process, decision requirements graph, decision and form the version it
 *    gets — the latest version again for an unchanged one (a duplicate), the next for a new one;
 * 2. unless everything is a duplicate, every resource gets a new version (duplicates too: the
 *    resources of a deployment are versioned together) and its CREATED events are written.
 *
 * Then DEPLOYMENT CREATED (which stores the new resources' content) and the answer. The parse
 * stage (parseResources) has already checked the resources; a failure there is the rejection.
 */
import type { CommandProcessor } from '../CommandProcessor';
import type { StartEventSubscriptions } from '../startevent/StartEventSubscriptions';
import type { ProcessingContext } from '../ProcessingContext';
import type { TypedCommand } from '../Writers';
import { createDecisionMetadata } from './createDecisionMetadata';
import { createFormMetadata } from './createFormMetadata';
import { createProcessMetadata } from './createProcessMetadata';
import { DeploymentBuilder, type WriteRecords } from './DeploymentBuilder';
import type { ParsedDeployment, ParsedResource } from './parseResources';

export interface DeploymentCommandValue {
  resources: { resourceName: string }[];
  tenantId: string;
}

export class DeploymentCreateProcessor implements CommandProcessor<DeploymentCommandValue> {
  /** startEvents: opens the start events of new process versions, closes the previous ones'. */
  constructor(private readonly startEvents?: StartEventSubscriptions) {}

  process(command: TypedCommand<DeploymentCommandValue>, ctx: ProcessingContext): void {
    const parsed = command.attachment as ParsedDeployment;
    if (!parsed.ok) return ctx.reject('INVALID_ARGUMENT', parsed.message);
    const deployment = new DeploymentBuilder(ctx.state.keys.nextKey(), command.value.tenantId, ctx);

    const writers = parsed.resources.map((resource) => createMetadata(resource, deployment));
    if (!deployment.hasDuplicatesOnly()) {
      for (const writeRecords of writers) writeRecords();
      this.startEvents?.onDeployed(
        ctx,
        deployment.processes.map((p) => p.processDefinitionKey),
      );
    }

    ctx.writers.appendEvent(deployment.key, 'DEPLOYMENT', 'CREATED', deployment.createdValue());
    ctx.respond(deployment.result());
  }
}

function createMetadata(resource: ParsedResource, deployment: DeploymentBuilder): WriteRecords {
  switch (resource.type) {
    case 'bpmn':
      return createProcessMetadata(resource, deployment);
    case 'dmn':
      return createDecisionMetadata(resource, deployment);
    case 'form':
      return createFormMetadata(resource, deployment);
  }
}
