/** The monitoring API's shapes (server/src/monitoring/Monitoring.ts), as the UI reads them. */
export interface InstanceOwner {
  tenantId: string;
  caseId: string | null;
  caseReference: string | null;
}

export interface FlowNodeInstance {
  key: string;
  flowNodeId: string;
  type: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  incident: boolean;
}

export interface Incident {
  key: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  type: string;
  message: string;
  state: 'ACTIVE' | 'RESOLVED';
  flowNodeId: string | null;
  jobKey: string | null;
  creationTime: string;
  tenantId: string;
  owner?: InstanceOwner;
}

export interface ProcessInstance {
  key: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processVersion: number;
  state: 'ACTIVE' | 'INCIDENT' | 'COMPLETED' | 'CANCELED';
  startDate: string;
  endDate: string | null;
  owner?: InstanceOwner;
}

export interface Variable {
  key: string;
  scopeKey: string;
  name: string;
  value: string;
}

export interface InstanceView {
  instance: ProcessInstance;
  flowNodeInstances: FlowNodeInstance[];
  variables: Variable[];
  incidents: Incident[];
  owner: InstanceOwner;
  canOperate: boolean;
}

export interface ProcessDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  bpmnXml: string;
}

export interface FlowNodeStatistics {
  activityId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

export interface ElementStatistics {
  items: FlowNodeStatistics[];
  complete: boolean;
}
