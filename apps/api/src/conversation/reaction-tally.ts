import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import type { Reaction } from './conversation-feed';

/** Adds this instance's counts to `room_reaction_counts` in one statement (rooms deleted meanwhile are skipped). */
const FLUSH_SQL = `
insert into room_reaction_counts (room_id, reaction, count)
select x.room_id::uuid, x.reaction, x.count
  from jsonb_to_recordset(?::jsonb) as x(room_id text, reaction text, count bigint)
 where exists (select 1 from rooms r where r.id = x.room_id::uuid)
on conflict (room_id, reaction) do update set count = room_reaction_counts.count + excluded.count`;

/**
 * The durable count of reactions per room and kind (issue 19: `RoomInsights.reactions`). Ticks
 * carry reactions and forget them; this keeps a running total. Each reaction is counted once, by
 * the instance that accepted it (`react`), in memory, and added to `room_reaction_counts` at every
 * conversation tick interval — one statement per flush, whatever the number of rooms — and at
 * shutdown. A flush that fails keeps its counts for the next one; an instance that dies loses at
 * most one interval of counts (as the lossy channel itself would).
 */
export class ReactionTally {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: { readonly fork: () => EntityManager; readonly logger: Logger; readonly flushMs: number },
  ) {}

  add(roomId: string, reaction: Reaction): void {
    const key = `${roomId.toLowerCase()} ${reaction}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not store reaction counts; kept for the next flush'));
      }, this.deps.flushMs);
      this.timer.unref();
    }
  }

  /** Writes what this instance counted since the last flush (nothing when nothing was counted). */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const counted = this.pending;
    this.pending = new Map();
    const rows = [...counted].map(([key, count]) => {
      const [roomId, reaction] = key.split(' ');
      return { room_id: roomId, reaction, count };
    });
    try {
      await this.deps.fork().execute(FLUSH_SQL, [JSON.stringify(rows)]);
    } catch (error) {
      for (const [key, count] of counted) this.pending.set(key, (this.pending.get(key) ?? 0) + count);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
