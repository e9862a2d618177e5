// Group commit: callers enqueue an item and wait until the batch containing it is durably written.
// While one write is in flight, new items accumulate and go out together in the next write, so
// under load one database round trip serves many requests, and a lone request is never delayed
// by a timer. If a write fails, every caller of that batch gets the error (the token endpoint
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
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await write(batch.map((b) => b.item));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
  };

  const kick = () => {
    if (!flushing) flushing = flush().finally(() => (flushing = null));
  };

  return {
    enqueue(item: T): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async drain(): Promise<void> {
      while (flushing || queue.length > 0) {
        kick();
        await flushing;
      }
    },
  };
}
