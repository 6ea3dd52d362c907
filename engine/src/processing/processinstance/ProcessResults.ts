/**
 * Callers of CreateProcessInstanceWithResult waiting for their instance to complete. In memory
 * only: after a restart the gateway's request is gone anyway.
 */
import type { Result } from '../../api';
import type { ProcessInstanceResult } from '../../api';

export interface ResultWaiter {
  fetchVariables: string[];
  resolve(result: Result<ProcessInstanceResult>): void;
  created: Omit<ProcessInstanceResult, 'variables'>;
}

export class ProcessResults {
  private readonly waiting = new Map<string, ResultWaiter>();

  register(processInstanceKey: string, waiter: ResultWaiter): void {
    this.waiting.set(processInstanceKey, waiter);
  }

  get(processInstanceKey: string): ResultWaiter | undefined {
    return this.waiting.get(processInstanceKey);
  }

  /** Removes and returns the waiter (completion, timeout, or a dropped command). */
  take(processInstanceKey: string): ResultWaiter | undefined {
    const waiter = this.waiting.get(processInstanceKey);
    this.waiting.delete(processInstanceKey);
    return waiter;
  }

  removeWaiter(waiter: ResultWaiter): void {
    for (const [key, candidate] of this.waiting) {
      if (candidate === waiter) this.waiting.delete(key);
    }
  }

  clear(): ResultWaiter[] {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    return all;
  }
}
