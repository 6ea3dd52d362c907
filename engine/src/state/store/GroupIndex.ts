/**
 * Secondary index "values by group": e.g. children by flow scope, jobs by type, subscriptions
 * by message name and correlation key. Groups keep insertion order (Set), which is the order
 * Zeebe visits them in (by key, i.e. creation).
 */
import type { TableIndex } from './Table';

export class GroupIndex<V> implements TableIndex<V> {
  private readonly groups = new Map<string, Set<string>>();

  /** `groupOf` returns undefined for values that belong to no group. */
  constructor(private readonly groupOf: (value: V) => string | undefined) {}

  onPut(key: string, value: V, previous: V | undefined): void {
    const group = this.groupOf(value);
    const previousGroup = previous === undefined ? undefined : this.groupOf(previous);
    if (previous !== undefined && previousGroup === group) return;
    if (previousGroup !== undefined) this.remove(previousGroup, key);
    if (group !== undefined) {
      let members = this.groups.get(group);
      if (!members) this.groups.set(group, (members = new Set()));
      members.add(key);
    }
  }

  onDelete(key: string, previous: V): void {
    const group = this.groupOf(previous);
    if (group !== undefined) this.remove(group, key);
  }

  clear(): void {
    this.groups.clear();
  }

  /** Keys of the group (a copy, safe to iterate while changing the table). */
  keys(group: string): string[] {
    const members = this.groups.get(group);
    return members ? [...members] : [];
  }

  /** Iterates the live members without copying; do not change the table while iterating. */
  *iterate(group: string): IterableIterator<string> {
    const members = this.groups.get(group);
    if (members) yield* members;
  }

  count(group: string): number {
    return this.groups.get(group)?.size ?? 0;
  }

  private remove(group: string, key: string): void {
    const members = this.groups.get(group);
    if (!members) return;
    members.delete(key);
    if (members.size === 0) this.groups.delete(group);
  }
}
