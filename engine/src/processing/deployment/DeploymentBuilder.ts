/**
 * One deployment while DEPLOYMENT CREATE is processed: the metadata of every deployed
 * definition (Zeebe's DeploymentRecord metadata lists), the rows for the new resources' content,
 * and from them the DEPLOYMENT CREATED value and the caller's DeploymentResult.
 */
import type { DeploymentResult } from '../../api';
import type { DeploymentCreatedValue } from '../../state/appliers/DeploymentAppliers';
import type { EngineState } from '../../state/EngineState';
import type { ValueType } from '../../state/protocol/records';
import type {
  DecisionMetadataValue,
  DecisionRequirementsMetadataValue,
  FormMetadataValue,
  ProcessMetadataValue,
} from '../../state/protocol/values';
import type { ProcessingContext } from '../ProcessingContext';
import type { ParsedResource } from './parseResources';

export class DeploymentBuilder {
  readonly processes: ProcessMetadataValue[] = [];
  readonly decisionRequirements: DecisionRequirementsMetadataValue[] = [];
  readonly decisions: DecisionMetadataValue[] = [];
  readonly forms: FormMetadataValue[] = [];
  private readonly newResources: DeploymentCreatedValue['resources'] = [];
  private readonly resourceKeys = new Map<ParsedResource, string>();

  constructor(
    readonly key: string,
    readonly tenantId: string,
    private readonly ctx: ProcessingContext,
  ) {}

  get state(): EngineState {
    return this.ctx.state;
  }

  nextKey(): string {
    return this.ctx.state.keys.nextKey();
  }

  /** A CREATED event of a deployed definition. */
  appendCreated(key: string, valueType: ValueType, value: object, attachment?: unknown): void {
    this.ctx.writers.appendEvent(key, valueType, 'CREATED', value, attachment);
  }

  /** Zeebe's DeploymentRecord.hasDuplicatesOnly: nothing in the deployment is new. */
  hasDuplicatesOnly(): boolean {
    return [this.processes, this.decisionRequirements, this.decisions, this.forms].every((list) =>
      list.every((metadata) => metadata.isDuplicate),
    );
  }

  /** The key of the row that stores the resource's content; created once, for new versions. */
  resourceKey(resource: ParsedResource): string {
    let key = this.resourceKeys.get(resource);
    if (key === undefined) {
      key = this.nextKey();
      this.resourceKeys.set(resource, key);
      this.newResources.push({
        resourceKey: key,
        resourceName: resource.name,
        resourceType: resource.type,
        checksum: resource.checksum,
        resource: resource.content,
      });
    }
    return key;
  }

  createdValue(): DeploymentCreatedValue {
    return {
      deploymentKey: this.key,
      tenantId: this.tenantId,
      resources: this.newResources,
      processesMetadata: this.processes,
      decisionsMetadata: this.decisions,
      decisionRequirementsMetadata: this.decisionRequirements,
      formMetadata: this.forms,
    };
  }

  result(): DeploymentResult {
    const tenantId = this.tenantId;
    return {
      key: this.key,
      tenantId,
      processes: this.processes.map((p) => ({
        bpmnProcessId: p.bpmnProcessId,
        version: p.version,
        processDefinitionKey: p.processDefinitionKey,
        resourceName: p.resourceName,
        tenantId,
      })),
      decisions: this.decisions.map((d) => ({
        dmnDecisionId: d.decisionId,
        dmnDecisionName: d.decisionName,
        version: d.version,
        decisionKey: d.decisionKey,
        dmnDecisionRequirementsId: d.decisionRequirementsId,
        decisionRequirementsKey: d.decisionRequirementsKey,
        tenantId,
      })),
      decisionRequirements: this.decisionRequirements.map((d) => ({
        dmnDecisionRequirementsId: d.decisionRequirementsId,
        dmnDecisionRequirementsName: d.decisionRequirementsName,
        version: d.decisionRequirementsVersion,
        decisionRequirementsKey: d.decisionRequirementsKey,
        resourceName: d.resourceName,
        tenantId,
      })),
      forms: this.forms.map((f) => ({
        formId: f.formId,
        version: f.version,
        formKey: f.formKey,
        resourceName: f.resourceName,
        tenantId,
      })),
    };
  }
}

/** Step 2 of a resource's deployment: give duplicates a new version, write its CREATED events. */
export type WriteRecords = () => void;
