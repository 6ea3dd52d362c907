/**
 * Secondary index "what falls due when": a binary min-heap with lazy deletion over the values
 * of a table that have a due instant (timers, job deadlines, job back-offs, message TTLs).
 */
import type { TableIndex } from './Table';

interface Entry {
  due: number;
  key: string;
}

export class DueIndex<V> implements TableIndex<V> {
  private heap: Entry[] = [];
  private readonly current = new Map<string, number>();

  /** `dueOf` returns undefined for values that are not waiting for a due instant. */
  constructor(private readonly dueOf: (value: V) => number | undefined) {}

  onPut(key: string, value: V): void {
    const due = this.dueOf(value);
    if (due === undefined) {
      this.current.delete(key);
      return;
    }
    if (this.current.get(key) === due) return;
    this.current.set(key, due);
    this.push({ due, key });
    if (this.heap.length > 2 * this.current.size + 64) this.rebuild();
  }

  onDelete(key: string): void {
    this.current.delete(key);
  }

  clear(): void {
    this.heap = [];
    this.current.clear();
  }

  /** The earliest due instant, or undefined when nothing waits. */
  next(): number | undefined {
    this.dropStaleTop();
    return this.heap[0]?.due;
  }

  /** Keys due at or before `now`, earliest first. */
  dueAt(now: number): string[] {
    const found: Entry[] = [];
    const stack = [0];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const entry = this.heap[i];
      if (!entry || entry.due > now) continue;
      if (this.current.get(entry.key) === entry.due) found.push(entry);
      stack.push(2 * i + 1, 2 * i + 2);
    }
    return found.sort((a, b) => a.due - b.due).map((entry) => entry.key);
  }

  private dropStaleTop(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (this.current.get(top.key) === top.due) return;
      this.pop();
    }
  }

  private rebuild(): void {
    this.heap = [];
    for (const [key, due] of this.current) this.push({ due, key });
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.due <= entry.due) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.due < heap[left]!.due ? right : left;
      if (heap[child]!.due >= last.due) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}
