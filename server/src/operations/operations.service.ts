/**
 * Operations on running instances for operators (admin or designer of the instance's tenant):
 * retry an incident — give its job retries again (UpdateJobRetries), then ResolveIncident so
 * the engine retries the element — and cancel an instance (CancelProcessInstance). Both go
 * through the Zeebe client, so they work on the embedded engine and on a Zeebe cluster, and
 * both are audited once the engine accepted them.
 */
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { ZeebeClient } from '../engine/zeebeClient';
import { IncidentNotOpenError, InstanceNotActiveError, NotFoundError } from '../http/errors';
import type { MonitoringService } from '../monitoring/monitoring.service';
import type { StaffPrincipal } from '../staff/principal';
import { engineCommand } from './engineCommand';

export class OperationsService {
  constructor(
    private readonly engine: () => ZeebeClient | undefined,
    private readonly monitoring: MonitoringService,
    private readonly audit: AuditService,
  ) {}

  async retryIncident(
    principal: StaffPrincipal,
    instanceKey: string,
    incidentKey: string,
    retries: number,
    context: AuditContext,
  ): Promise<void> {
    const view = await this.monitoring.operableInstance(principal, instanceKey);
    const incident = view.incidents.find((i) => i.key === incidentKey);
    if (!incident) throw new NotFoundError('no such incident in the instance');
    if (incident.state !== 'ACTIVE') throw new IncidentNotOpenError('incident resolved');
    const gone = () => new IncidentNotOpenError('incident or job gone');
    if (incident.jobKey) {
      const jobKey = incident.jobKey;
      await engineCommand(
        this.engine,
        (zeebe) => zeebe.updateJobRetries({ jobKey, retries }),
        gone,
      );
    }
    await engineCommand(this.engine, (zeebe) => zeebe.resolveIncident({ incidentKey }), gone);
    await this.audit.record({
      actor: context.actor,
      tenantId: view.owner.tenantId,
      action: 'incident.retry',
      objectType: 'process_instance',
      objectId: instanceKey,
      requestId: context.requestId,
      details: {
        incidentKey,
        jobKey: incident.jobKey,
        retries: incident.jobKey ? retries : null,
        errorType: incident.type,
        caseId: view.owner.caseId,
      },
    });
  }

  async cancelInstance(
    principal: StaffPrincipal,
    instanceKey: string,
    context: AuditContext,
  ): Promise<void> {
    const view = await this.monitoring.operableInstance(principal, instanceKey);
    const { state } = view.instance;
    if (state === 'COMPLETED' || state === 'CANCELED') {
      throw new InstanceNotActiveError(`instance ${state}`);
    }
    await engineCommand(
      this.engine,
      (zeebe) => zeebe.cancelProcessInstance(instanceKey),
      () => new InstanceNotActiveError('instance gone'),
    );
    await this.audit.record({
      actor: context.actor,
      tenantId: view.owner.tenantId,
      action: 'process_instance.cancel',
      objectType: 'process_instance',
      objectId: instanceKey,
      requestId: context.requestId,
      details: { bpmnProcessId: view.instance.bpmnProcessId, caseId: view.owner.caseId },
    });
  }
}
