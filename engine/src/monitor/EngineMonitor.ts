/**
 * The monitoring queries of the embedded engine: process instances, one instance's element
 * instances, variables, incidents and history, per-element statistics of a process definition,
 * incidents across instances. Reads the record log and the state tables of schema `engine`
 * through knex and never writes (reads that span statements run in a read-only transaction).
 *
 *   const monitor = new EngineMonitor(knex);
 *   const page = await monitor.searchProcessInstances({ bpmnProcessId: 'dog-registration', state: 'INCIDENT' });
 *   const more = await monitor.searchProcessInstances({ ..., after: page.next });
 */
import type { Knex } from 'knex';
import { readElementStatistics } from './elementStatistics';
import { foldElementInstances } from './elementInstances';
import { readHistory } from './history';
import { foldIncidents, openIncidentsByElement, searchIncidents } from './incidents';
import { readInstanceEvents } from './instanceEvents';
import { readProcessDefinition } from './processDefinitions';
import { checkKey } from './page';
import { findProcessInstance, searchProcessInstances } from './processInstances';
import type {
  ElementStatistics,
  IncidentQuery,
  MonitoredIncident,
  MonitoredProcessDefinition,
  MonitoredProcessInstance,
  MonitoredRecord,
  MonitorPage,
  PageQuery,
  ProcessInstanceDetail,
  ProcessInstanceQuery,
} from './types';
import { foldVariables } from './variables';

export class EngineMonitor {
  constructor(private readonly knex: Knex) {}

  /** Newest first; filters combine with AND. */
  searchProcessInstances(
    query: ProcessInstanceQuery = {},
  ): Promise<MonitorPage<MonitoredProcessInstance>> {
    return searchProcessInstances(this.knex, query);
  }

  /** The instance with its element instances, current variables and incidents; undefined if unknown. */
  async getProcessInstance(key: string): Promise<ProcessInstanceDetail | undefined> {
    checkKey('key', key);
    return this.readOnly(async (trx) => {
      const instance = await findProcessInstance(trx, key);
      if (!instance) return undefined;
      const events = await readInstanceEvents(trx, instance.key);
      const incidents = foldIncidents(events);
      const elementInstances = foldElementInstances(events, openIncidentsByElement(incidents));
      return {
        instance,
        elementInstances,
        variables: foldVariables(events, elementInstances),
        incidents,
      };
    });
  }

  /** The instance's records in log order, paged by position. */
  getHistory(
    processInstanceKey: string,
    page: PageQuery = {},
  ): Promise<MonitorPage<MonitoredRecord>> {
    return readHistory(this.knex, processInstanceKey, page);
  }

  /** Per-element counts over all instances of the process definition, by element id. */
  async getElementStatistics(processDefinitionKey: string): Promise<ElementStatistics[]> {
    checkKey('processDefinitionKey', processDefinitionKey);
    return this.readOnly((trx) => readElementStatistics(trx, processDefinitionKey));
  }

  /** The process definition with its BPMN XML; undefined if unknown. */
  getProcessDefinition(key: string): Promise<MonitoredProcessDefinition | undefined> {
    return readProcessDefinition(this.knex, checkKey('key', key));
  }

  /** Newest first; without a state, open and resolved ones. */
  searchIncidents(query: IncidentQuery = {}): Promise<MonitorPage<MonitoredIncident>> {
    return searchIncidents(this.knex, query);
  }

  /** One snapshot for queries of several statements (the engine commits between them). */
  private readOnly<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.knex.transaction(work, { isolationLevel: 'repeatable read', readOnly: true });
  }
}
