/** onJobsAvailable listeners by job type; called after commit. */
import type { EngineNotifications } from './ProcessingContext';

export class JobListeners implements EngineNotifications {
  private readonly listeners = new Map<string, Set<() => void>>();

  add(type: string, listener: () => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(type) === set) this.listeners.delete(type);
    };
  }

  jobsAvailable(type: string): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener();
      } catch {
        // a listener's failure is the listener's problem
      }
    }
  }
}
