/**
 * Group commit: rows that callers want written on their own (not in a transaction of theirs)
 * are written together. The first row goes at once; rows that come while a write is under
 * way wait for it and then go as one batch, one statement and one commit (so an idle server
 * adds no delay, and a busy one waits for one WAL flush per batch instead of one per row —
 * like the engine's command loop, which writes a batch as one statement). Each caller's
 * promise settles when its own row is committed, or fails. A batch that fails is written again
 * row by row, so that one bad row fails only its caller.
 *
 * Written by hand: it is a queue and a loop; the batching libraries we looked at (dataloader)
 * are keyed reads, or add a timer delay.
 */
const MAX_BATCH = 500;

interface Waiting<Row, Out> {
  row: Row;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<Row, Out> {
  private queue: Waiting<Row, Out>[] = [];
  private writing = false;

  /** `write` inserts the rows in one statement and returns one result per row, in order. */
  constructor(private readonly write: (rows: Row[]) => Promise<Out[]>) {}

  add(row: Row): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.writeBatch(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(batch: Waiting<Row, Out>[]): Promise<void> {
    let out: Out[];
    try {
      out = await this.write(batch.map((waiting) => waiting.row));
    } catch (error) {
      // The statement failed as a whole (nothing of it is committed).
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const waiting of batch) await this.writeBatch([waiting]);
      return;
    }
    batch.forEach((waiting, index) => {
      const result = out[index];
      if (result === undefined) waiting.reject(new Error('group commit: no result for the row'));
      else waiting.resolve(result);
    });
  }
}
