/** DeployResource, the deprecated DeployProcess, and DeleteResource. */
import type { DeploymentResult } from '../../api';
import { DEFAULT_TENANT } from '../../api';
import type { GatewayContext } from '../GatewayContext';
import type {
  DeleteResourceRequestMessage,
  DeployProcessRequestMessage,
  DeployResourceRequestMessage,
} from '../messages';
import { unary, unwrap } from '../unary';

export function deployResource(ctx: GatewayContext) {
  return unary<DeployResourceRequestMessage, unknown>(ctx, async (request) => {
    const tenantId = ctx.tenants.tenantId('DeployResource', request.tenantId);
    const deployment = unwrap(
      await ctx.engine.deployResources({
        resources: request.resources.map((resource) => ({
          name: resource.name,
          content: resource.content,
        })),
        tenantId,
      }),
    );
    return {
      key: deployment.key,
      tenantId: deployment.tenantId,
      deployments: deploymentsOf(deployment),
    };
  });
}

export function deployProcess(ctx: GatewayContext) {
  return unary<DeployProcessRequestMessage, unknown>(ctx, async (request) => {
    const deployment = unwrap(
      await ctx.engine.deployResources({
        resources: request.processes.map((process) => ({
          name: process.name,
          content: process.definition,
        })),
        tenantId: DEFAULT_TENANT,
      }),
    );
    return { key: deployment.key, processes: deployment.processes };
  });
}

export function deleteResource(ctx: GatewayContext) {
  return unary<DeleteResourceRequestMessage, unknown>(ctx, async (request) => {
    unwrap(await ctx.engine.deleteResource(request.resourceKey));
    return {};
  });
}

/** One `Deployment` (a oneof) per deployed resource, in Zeebe's order. */
function deploymentsOf(deployment: DeploymentResult): object[] {
  return [
    ...deployment.processes.map((process) => ({ process })),
    ...deployment.decisions.map((decision) => ({ decision })),
    ...deployment.decisionRequirements.map((decisionRequirements) => ({ decisionRequirements })),
    ...deployment.forms.map((form) => ({ form })),
  ];
}
