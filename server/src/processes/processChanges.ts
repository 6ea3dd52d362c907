/**
 * What a draft changes against the deployed version, for the designer to read before
 * deploying: files added, removed or changed; in BPMN files the elements (by id and name)
 * added, removed or changed with the properties that differ (see `bpmnElements.ts`); in forms
 * the components (by id, named by label or key). Layout-only changes of a diagram count as a
 * changed file without changed elements.
 */
import { bpmnElements, type BpmnElement } from './bpmnElements';
import type { ProcessResource } from './processResources';

export type Change = 'added' | 'removed' | 'changed';

export interface ResourceChange {
  name: string;
  kind: ProcessResource['kind'];
  change: Change;
}

export interface ElementChange {
  resource: string;
  id: string;
  type: string;
  name: string | null;
  change: Change;
  /** For a changed element: its name in the deployed version, when it differs. */
  previousName?: string | null;
  /** For a changed element: the properties that differ (`name`, `zeebe:TaskDefinition`, …). */
  properties?: string[];
}

export interface ChangeSummary {
  resources: ResourceChange[];
  elements: ElementChange[];
}

type Comparable = Omit<BpmnElement, 'properties'> & { properties: Record<string, string> };

export async function summarizeChanges(
  deployed: readonly ProcessResource[],
  draft: readonly ProcessResource[],
): Promise<ChangeSummary> {
  const before = new Map(deployed.map((resource) => [resource.name, resource]));
  const after = new Map(draft.map((resource) => [resource.name, resource]));
  const summary: ChangeSummary = { resources: [], elements: [] };
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const old = before.get(name);
    const now = after.get(name);
    const kind = (now ?? old)!.kind;
    if (old && now && old.content === now.content) continue;
    const change: Change = !old ? 'added' : !now ? 'removed' : 'changed';
    summary.resources.push({ name, kind, change });
    const oldElements = old ? await elementsOf(old) : new Map<string, Comparable>();
    const newElements = now ? await elementsOf(now) : new Map<string, Comparable>();
    summary.elements.push(...compare(name, oldElements, newElements));
  }
  return summary;
}

async function elementsOf(resource: ProcessResource): Promise<Map<string, Comparable>> {
  if (resource.kind === 'process') return (await bpmnElements(resource.content)) ?? new Map();
  if (resource.kind === 'form') return formComponents(resource.content);
  return new Map();
}

function compare(
  resource: string,
  before: Map<string, Comparable>,
  after: Map<string, Comparable>,
): ElementChange[] {
  const changes: ElementChange[] = [];
  for (const [id, element] of after) {
    const old = before.get(id);
    const base = { resource, id, type: element.type, name: element.name };
    if (!old) {
      changes.push({ ...base, change: 'added' });
      continue;
    }
    const keys = new Set([...Object.keys(old.properties), ...Object.keys(element.properties)]);
    const differing = [...keys].filter((key) => old.properties[key] !== element.properties[key]);
    if (old.type !== element.type) differing.unshift('type');
    if (differing.length === 0) continue;
    changes.push({
      ...base,
      change: 'changed',
      ...(old.name !== element.name ? { previousName: old.name } : {}),
      properties: differing.sort(),
    });
  }
  for (const [id, element] of before) {
    if (!after.has(id)) {
      changes.push({ resource, id, type: element.type, name: element.name, change: 'removed' });
    }
  }
  const order: Record<Change, number> = { added: 0, changed: 1, removed: 2 };
  return changes.sort((a, b) => order[a.change] - order[b.change] || a.id.localeCompare(b.id));
}

interface FormComponent {
  id?: unknown;
  type?: unknown;
  label?: unknown;
  key?: unknown;
  components?: unknown;
  [property: string]: unknown;
}

/** A form's components by id (nested groups included), compared by their own properties. */
function formComponents(content: string): Map<string, Comparable> {
  const found = new Map<string, Comparable>();
  let schema: unknown;
  try {
    schema = JSON.parse(content);
  } catch {
    return found;
  }
  const visit = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const component of components as FormComponent[]) {
      if (typeof component !== 'object' || component === null) continue;
      const { components: children, ...own } = component;
      if (typeof own.id === 'string') {
        const label = typeof own.label === 'string' ? own.label : undefined;
        const key = typeof own.key === 'string' ? own.key : undefined;
        found.set(own.id, {
          id: own.id,
          type: typeof own.type === 'string' ? own.type : 'component',
          name: label ?? key ?? null,
          properties: Object.fromEntries(
            Object.entries(own)
              .filter(([name]) => name !== 'id')
              .map(([name, value]) => [name, JSON.stringify(value)]),
          ),
        });
      }
      visit(children);
    }
  };
  visit((schema as { components?: unknown } | null)?.components);
  return found;
}
