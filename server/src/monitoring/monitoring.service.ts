/**
 * The monitoring views for staff: instances, one instance with its tokens, variables and
 * incidents (for the case page's diagram), incidents, a definition's XML and its per-element
 * statistics (the heatmap). Every result is cut to what the caller may see (`InstanceScope`);
 * an instance they may not see is 404. Reads of an instance (variables are personal data) are
 * audited.
 */
import type { AuditContext, AuditService } from '../audit/audit.service';
import { NotFoundError, ValidationError } from '../http/errors';
import { hasRole, PLATFORM_TENANT_ID, type StaffPrincipal } from '../staff/principal';
import {
  canOperate,
  OPERATOR_ROLES,
  type InstanceOwner,
  type InstanceScope,
} from './instanceScope';
import {
  MonitoringQueryError,
  type ElementStatistics,
  type Incident,
  type IncidentQuery,
  type Monitoring,
  type Page,
  type ProcessDefinition,
  type ProcessInstance,
  type ProcessInstanceDetail,
  type ProcessInstanceQuery,
} from './Monitoring';

export type Owned<T> = T & { owner: InstanceOwner };

export interface InstanceView extends ProcessInstanceDetail {
  owner: InstanceOwner;
  /** Whether the caller may retry incidents and cancel the instance. */
  canOperate: boolean;
}

export class MonitoringService {
  constructor(
    private readonly monitoring: Monitoring,
    private readonly scope: InstanceScope,
    private readonly audit: AuditService,
  ) {}

  /** Instances the caller operates, newest first; `tenantId` narrows to one owner. */
  async searchInstances(
    principal: StaffPrincipal,
    query: Omit<ProcessInstanceQuery, 'tenantIds'>,
    tenantId?: string,
  ): Promise<Page<Owned<ProcessInstance>>> {
    const page = await queried(() => this.monitoring.searchProcessInstances(query));
    const owners = await this.scope.ownersOf(page.items);
    return {
      items: page.items
        .map((item) => ({ ...item, owner: owners.get(item.key)! }))
        .filter((item) => this.keep(principal, item.owner, tenantId)),
      next: page.next,
    };
  }

  /** Incidents the caller operates, newest first. */
  async searchIncidents(
    principal: StaffPrincipal,
    query: Omit<IncidentQuery, 'tenantIds'>,
    tenantId?: string,
  ): Promise<Page<Owned<Incident>>> {
    const page = await queried(() => this.monitoring.searchIncidents(query));
    const owners = await this.scope.ownersOf(
      page.items.map((i) => ({ key: i.processInstanceKey, tenantId: i.tenantId })),
    );
    return {
      items: page.items
        .map((item) => ({ ...item, owner: owners.get(item.processInstanceKey)! }))
        .filter((item) => this.keep(principal, item.owner, tenantId)),
      next: page.next,
    };
  }

  /** One instance for the diagram; 404 unless the caller operates it or sees its case. */
  async getInstance(
    principal: StaffPrincipal,
    key: string,
    context: AuditContext,
  ): Promise<InstanceView> {
    const view = await this.visibleInstance(principal, key);
    await this.audit.record({
      actor: context.actor,
      tenantId: view.owner.tenantId,
      action: 'process_instance.read',
      objectType: view.owner.caseId ? 'case' : 'process_instance',
      objectId: view.owner.caseId ?? key,
      requestId: context.requestId,
      details: { processInstanceKey: key },
    });
    return view;
  }

  /** One instance the caller operates (retry, cancel); 404 otherwise. */
  async operableInstance(principal: StaffPrincipal, key: string): Promise<InstanceView> {
    const view = await this.visibleInstance(principal, key);
    if (!view.canOperate) throw new NotFoundError('instance not operated by the caller');
    return view;
  }

  /** A definition's BPMN XML: models are no personal data, every staff member may read them. */
  async getDefinition(key: string): Promise<ProcessDefinition> {
    const definition = await queried(() => this.monitoring.getProcessDefinition(key));
    if (!definition) throw new NotFoundError('no such process definition');
    return definition;
  }

  /**
   * Per-element counts over every instance of a definition. A definition shared by all
   * tenants (multi-tenancy off) counts every municipality's instances: only operators of the
   * canton see them; with multi-tenancy, the definition's tenant's operators.
   */
  async getStatistics(principal: StaffPrincipal, key: string): Promise<ElementStatistics> {
    const definition = await this.getDefinition(key);
    const owner = this.scope.engineOwner(definition.tenantId);
    const allowed =
      owner === PLATFORM_TENANT_ID
        ? hasRole(principal, PLATFORM_TENANT_ID, OPERATOR_ROLES)
        : canOperate(principal, owner);
    if (!allowed) throw new NotFoundError('definition not operated by the caller');
    return queried(() => this.monitoring.getElementStatistics(key));
  }

  private async visibleInstance(principal: StaffPrincipal, key: string): Promise<InstanceView> {
    const detail = await queried(() => this.monitoring.getProcessInstance(key));
    if (!detail) throw new NotFoundError('no such process instance');
    const owner = await this.scope.ownerOf(detail.instance);
    const operates = canOperate(principal, owner.tenantId);
    const sees =
      operates ||
      (owner.caseId !== null && (await this.scope.caseVisibleTo(principal, owner.caseId)));
    if (!sees) throw new NotFoundError('instance not visible');
    return { ...detail, owner, canOperate: operates };
  }

  private keep(principal: StaffPrincipal, owner: InstanceOwner, tenantId?: string): boolean {
    return (
      (tenantId === undefined || owner.tenantId === tenantId) &&
      canOperate(principal, owner.tenantId)
    );
  }
}

/** A query the monitoring source refuses is the caller's mistake: 400 naming the field. */
async function queried<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof MonitoringQueryError) {
      const [field, ...rest] = error.message.split(': ');
      throw new ValidationError([
        { field: rest.length ? field! : 'query', message: rest.join(': ') || error.message },
      ]);
    }
    throw error;
  }
}
