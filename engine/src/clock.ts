/**
 * The engine's one source of time. In production it is the system clock; tests (and an
 * operator on purpose, like Zeebe's clock actuator) can move it forward or pin it, so that a
 * 20-day deadline is tested in milliseconds. Listeners hear about every move so timer
 * schedulers can re-check what fell due.
 */
export class Clock {
  private offsetMs = 0;
  private pinnedAt: number | undefined;
  private readonly listeners = new Set<() => void>();

  now(): number {
    return this.pinnedAt ?? Date.now() + this.offsetMs;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  /** Moves time forward by `ms` (never backward). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('Clock can only move forward');
    if (this.pinnedAt !== undefined) this.pinnedAt += ms;
    else this.offsetMs += ms;
    this.notify();
  }

  /** Pins the clock to an instant; it stands still until advanced or reset. */
  pin(epochMs: number): void {
    this.pinnedAt = epochMs;
    this.notify();
  }

  reset(): void {
    this.offsetMs = 0;
    this.pinnedAt = undefined;
    this.notify();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
