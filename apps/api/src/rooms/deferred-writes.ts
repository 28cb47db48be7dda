import type { EntityManager } from '@mikro-orm/postgresql';

/** A write that gathers many items and issues them at once (one multi-row statement). */
export interface DeferredWrite<Item> {
  readonly name: string;
  write(tx: EntityManager, items: readonly Item[]): Promise<void>;
}

/**
 * Writes that projections hand over to the end of a command transaction, so that a batch of
 * commands (group commit, issue 14 §3) issues each of them once, with the rows of every command,
 * instead of once per command. Flushed in the order the writes were first added, before the
 * transaction's own flush and commit; a failing write fails the transaction.
 */
export class DeferredWrites {
  private readonly pending = new Map<DeferredWrite<unknown>, unknown[]>();

  add<Item>(write: DeferredWrite<Item>, item: Item): void {
    const items = this.pending.get(write as DeferredWrite<unknown>);
    if (items) items.push(item);
    else this.pending.set(write as DeferredWrite<unknown>, [item]);
  }

  async flush(tx: EntityManager): Promise<void> {
    for (const [write, items] of this.pending) await write.write(tx, items);
    this.pending.clear();
  }
}
