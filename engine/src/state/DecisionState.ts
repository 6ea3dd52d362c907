/**
 * Deployed decision requirements graphs (DRGs, one per .dmn resource) and their decisions —
 * Zeebe's DecisionState. The DMN itself is the DRG's row in `resources` (resourceKey); its
 * executable model (parsed at deployment, and again from that row at start) is kept in memory per
 * DRG key for evaluation. Read by processors; changed only by appliers.
 *
 * A deleted DRG and its decisions leave the state, as in Zeebe (nothing runs on them); the
 * record log keeps them.
 */
import type { ExecutableDrg } from '../dmn';
import { keyColumn, numberColumn, textColumn } from './store/columns';
import { GroupIndex } from './store/GroupIndex';
import type { Journal } from './store/Journal';
import { Table, type Row, type StoredTable } from './store/Table';

export interface DecisionRequirements {
  key: string;
  decisionRequirementsId: string;
  name: string;
  version: number;
  tenantId: string;
  namespace: string;
  resourceKey: string;
  resourceName: string;
  checksum: string;
  deploymentKey: string;
}

export interface Decision {
  key: string;
  decisionId: string;
  name: string;
  version: number;
  tenantId: string;
  decisionRequirementsKey: string;
  decisionRequirementsId: string;
  deploymentKey: string;
}

const byTenantAndId = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;

function drgFromRow(row: Row): DecisionRequirements {
  return {
    key: keyColumn(row.key),
    decisionRequirementsId: textColumn(row.decision_requirements_id),
    name: textColumn(row.name),
    version: numberColumn(row.version),
    tenantId: textColumn(row.tenant_id),
    namespace: textColumn(row.namespace),
    resourceKey: keyColumn(row.resource_key),
    resourceName: textColumn(row.resource_name),
    checksum: textColumn(row.checksum),
    deploymentKey: keyColumn(row.deployment_key),
  };
}

function decisionFromRow(row: Row): Decision {
  return {
    key: keyColumn(row.key),
    decisionId: textColumn(row.decision_id),
    name: textColumn(row.name),
    version: numberColumn(row.version),
    tenantId: textColumn(row.tenant_id),
    decisionRequirementsKey: keyColumn(row.decision_requirements_key),
    decisionRequirementsId: textColumn(row.decision_requirements_id),
    deploymentKey: keyColumn(row.deployment_key),
  };
}

export class DecisionState {
  readonly decisionRequirements: Table<DecisionRequirements>;
  readonly decisions: Table<Decision>;
  private readonly drgsById: GroupIndex<DecisionRequirements>;
  private readonly decisionsById: GroupIndex<Decision>;
  private readonly decisionsByDrg: GroupIndex<Decision>;
  private readonly models = new Map<string, ExecutableDrg>();

  constructor(private readonly journal: Journal) {
    this.decisionRequirements = new Table<DecisionRequirements>(
      {
        name: 'decision_requirements',
        keyColumns: ['key'],
        keyOf: (d) => d.key,
        toRow: (d) => ({
          key: d.key,
          decision_requirements_id: d.decisionRequirementsId,
          name: d.name,
          version: d.version,
          tenant_id: d.tenantId,
          namespace: d.namespace,
          resource_key: d.resourceKey,
          resource_name: d.resourceName,
          checksum: d.checksum,
          deployment_key: d.deploymentKey,
        }),
        fromRow: drgFromRow,
        loadFilter: (query) => query.orderBy('version'),
      },
      journal,
    );
    this.drgsById = this.decisionRequirements.addIndex(
      new GroupIndex((d) => byTenantAndId(d.tenantId, d.decisionRequirementsId)),
    );
    this.decisions = new Table<Decision>(
      {
        name: 'decisions',
        keyColumns: ['key'],
        keyOf: (d) => d.key,
        toRow: (d) => ({
          key: d.key,
          decision_id: d.decisionId,
          name: d.name,
          version: d.version,
          tenant_id: d.tenantId,
          decision_requirements_key: d.decisionRequirementsKey,
          decision_requirements_id: d.decisionRequirementsId,
          deployment_key: d.deploymentKey,
        }),
        fromRow: decisionFromRow,
        loadFilter: (query) => query.orderBy('version'),
      },
      journal,
    );
    this.decisionsById = this.decisions.addIndex(
      new GroupIndex((d) => byTenantAndId(d.tenantId, d.decisionId)),
    );
    this.decisionsByDrg = this.decisions.addIndex(new GroupIndex((d) => d.decisionRequirementsKey));
  }

  // ---- reads -------------------------------------------------------------------------------

  getDecisionRequirementsByKey(key: string): DecisionRequirements | undefined {
    return this.decisionRequirements.get(key);
  }

  /** Zeebe's findLatestDecisionRequirementsByTenantAndId. */
  getLatestDecisionRequirements(id: string, tenantId: string): DecisionRequirements | undefined {
    return latest(this.decisionRequirements, this.drgsById.keys(byTenantAndId(tenantId, id)));
  }

  getDecisionByKey(key: string): Decision | undefined {
    return this.decisions.get(key);
  }

  /** Zeebe's findLatestDecisionByIdAndTenant. */
  getLatestDecision(decisionId: string, tenantId: string): Decision | undefined {
    return latest(this.decisions, this.decisionsById.keys(byTenantAndId(tenantId, decisionId)));
  }

  /** The decisions of one DRG version, in deployment order. */
  getDecisionsOf(decisionRequirementsKey: string): Decision[] {
    return this.decisionsByDrg
      .keys(decisionRequirementsKey)
      .map((key) => this.decisions.get(key))
      .filter((decision): decision is Decision => decision !== undefined);
  }

  /** The executable model of a DRG version (by decision requirements key). */
  getModel(decisionRequirementsKey: string): ExecutableDrg | undefined {
    return this.models.get(decisionRequirementsKey);
  }

  // ---- changes (appliers, and the model loader at start) -------------------------------------

  setModel(decisionRequirementsKey: string, drg: ExecutableDrg): void {
    const previous = this.models.get(decisionRequirementsKey);
    this.models.set(decisionRequirementsKey, drg);
    this.journal.record(() => {
      if (previous) this.models.set(decisionRequirementsKey, previous);
      else this.models.delete(decisionRequirementsKey);
    });
  }

  clearModels(): void {
    this.models.clear();
  }

  tables(): StoredTable[] {
    return [this.decisionRequirements, this.decisions];
  }
}

function latest<V extends { version: number }>(table: Table<V>, keys: string[]): V | undefined {
  let result: V | undefined;
  for (const key of keys) {
    const value = table.get(key);
    if (value !== undefined && (result === undefined || value.version > result.version)) {
      result = value;
    }
  }
  return result;
}
