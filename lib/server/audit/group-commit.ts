// Group commit: callers enqueue an item and wait until the batch containing it is durably written.
// A batch is cut once per event-loop turn (setImmediate runs after the loop has read every socket
// that was ready), and while one write is in flight new items wait for the next: under load one
// database round trip serves many requests, and a lone request is never delayed by a timer. If a write fails, every caller of that batch gets the error (the token endpoint
// then answers 503 and issues nothing: no token without its audit row).

export interface GroupCommit<T> {
  enqueue(item: T): Promise<void>;
  /** Waits until everything enqueued so far is written (shutdown). */
  drain(): Promise<void>;
}

export function createGroupCommit<T>(write: (items: T[]) => Promise<void>, maxBatch = 1000): GroupCommit<T> {
  let queue: { item: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let flushing: Promise<void> | null = null;

  const flush = async (): Promise<void> => {
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      await write(batch.map((b) => b.item));
      for (const b of batch) b.resolve();
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };

  let scheduled = false;
  const kick = (): void => {
    if (flushing || scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      flushing = flush().finally(() => {
        flushing = null;
        kick();
      });
    });
  };

  return {
    enqueue(item: T): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async drain(): Promise<void> {
      while (flushing || scheduled || queue.length > 0) {
        kick();
        await (flushing ?? new Promise((r) => setImmediate(r)));
      }
    },
  };
}
