import { AsyncResource } from 'node:async_hooks';

/**
 * Group commit, per key (a room): the first item for a key starts a batch at once; items that
 * arrive while that batch is in flight wait and form the next batch, up to `maxBatch` items. So a
 * lone command waits for nothing, and a rush of commands on one key shares one transaction per
 * batch instead of passing the key's row lock from one transaction to the next (issue 14 §3).
 *
 * Batches of one key run one after another, in arrival order; batches of different keys run
 * independently. `runBatch` settles every item of its batch (each item its own result or error);
 * if it throws, every item of the batch gets that error. A batch runs in the async context of its
 * first item's submitter (so its SQL and log lines carry that request's id), not in the context of
 * whichever request happened to start the key's queue.
 */
export class GroupCommitQueue<Item, Result> {
  private readonly queues = new Map<string, Pending<Item, Result>[]>();

  constructor(
    private readonly runBatch: (key: string, items: readonly Item[]) => Promise<readonly Settled<Result>[]>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  }

  /** Queues `item` for `key`'s next batch; resolves or rejects with the item's own outcome. */
  submit(key: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject, context: new AsyncResource('GroupCommitQueue.submit') });
        return;
      }
      // No batch in flight for this key: this item starts one now.
      this.queues.set(key, [{ item, resolve, reject, context: new AsyncResource('GroupCommitQueue.submit') }]);
      void this.drain(key);
    });
  }

  /** Items of `key` waiting for its next batch (the batch in flight not counted). */
  waiting(key: string): number {
    return this.queues.get(key)?.length ?? 0;
  }

  private async drain(key: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(key);
      if (!queue || queue.length === 0) {
        this.queues.delete(key);
        return;
      }
      const batch = queue.splice(0, this.maxBatch);
      const [first] = batch;
      if (!first) continue;
      let settled: readonly Settled<Result>[];
      try {
        const items = batch.map((pending) => pending.item);
        settled = await first.context.runInAsyncScope(() => this.runBatch(key, items));
        if (settled.length !== batch.length) throw new Error(`a batch of ${batch.length} settled ${settled.length} items`);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        continue;
      }
      settled.forEach((outcome, index) => {
        const pending = batch[index];
        if (!pending) return;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    }
  }
}

/** One item's outcome in a batch. */
export type Settled<Result> = { readonly ok: true; readonly value: Result } | { readonly ok: false; readonly error: unknown };

interface Pending<Item, Result> {
  readonly item: Item;
  readonly resolve: (value: Result) => void;
  readonly reject: (error: unknown) => void;
  /** The submitter's async context (request trace), which its batch runs in when it is first. */
  readonly context: AsyncResource;
}
