/**
 * Undo log of the in-memory state. Every change a table makes is recorded with its inverse, so
 * the changes of one command that throws (a bug) can be rolled back alone while the rest of the
 * batch stands.
 */
export class Journal {
  private readonly undo: (() => void)[] = [];

  record(inverse: () => void): void {
    this.undo.push(inverse);
  }

  mark(): number {
    return this.undo.length;
  }

  /** Undoes every change after `mark`, newest first. */
  rollbackTo(mark: number): void {
    while (this.undo.length > mark) this.undo.pop()?.();
  }

  /** Forgets the undo information (after the batch is flushed or dropped). */
  clear(): void {
    this.undo.length = 0;
  }
}
