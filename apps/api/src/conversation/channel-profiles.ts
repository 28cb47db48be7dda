import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import type { RequestScope } from '../common/request-scope';
import { leanRows } from '../database/lean-rows';
import { ProfileEntity } from '../profiles/profile.entity';

/** How long a profile read ahead of ticks is used before it is read again (a new display name reaches ticks within this), in ms. */
export const PROFILE_REFRESH_MS = 30_000;

/** One read on the side connection (`Database.readAside`). */
export type ReadAside = <T extends object>(sql: string, params: readonly unknown[]) => Promise<T[]>;

/**
 * The profiles a room's conversation names (authors, mentions), read as items arrive, not when a
 * tick is built: a tick primes its request scope with them, so executing it reads nothing from the
 * database while chat mutations queue for the same pool (the benchmark's 720 writes a second
 * held a tick's one profile read for seconds). One statement per batch of new names, on the side
 * connection (`Database.readAside`), never in the request pool's queue; a tick waits for the read
 * in flight (bounded: {@link settled}), and a name still unknown then is read by the tick as usual.
 */
export class ChannelProfiles {
  private readonly known = new Map<string, { readonly profile: ProfileEntity | null; readonly at: number }>();
  private readonly wanted = new Set<string>();
  /** The read scheduled or in flight, if any (it never rejects). */
  private reading: Promise<void> | null = null;

  constructor(
    private readonly fork: () => EntityManager,
    private readonly readAside: ReadAside,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads these profiles soon (in one statement with the others asked for meanwhile) unless known and fresh. */
  want(ids: Iterable<string>): void {
    const now = this.now();
    for (const id of ids) {
      const entry = this.known.get(id);
      if (!entry || now - entry.at >= PROFILE_REFRESH_MS) this.wanted.add(id);
    }
    if (this.wanted.size === 0 || this.reading) return;
    // Batched: every name asked for until the next turn of the event loop goes in one statement.
    const reading = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.read());
    this.reading = reading;
    void reading.finally(() => {
      if (this.reading === reading) this.reading = null;
      // Names asked for while this read was in flight.
      if (this.wanted.size > 0) this.want([]);
    });
  }

  /**
   * Resolves once every name asked for so far has been read (the read in flight, then the one for
   * names that arrived during it), or after `withinMs`, whichever comes first: a tick waits this
   * long at most for its authors before reading the missing ones itself.
   */
  async settled(withinMs: number): Promise<void> {
    if (!this.reading) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), withinMs)));
    try {
      for (let reading = this.reading; reading; reading = this.reading) {
        if ((await Promise.race([reading, deadline])) === 'late') return;
        // The read's `finally` (which schedules the next batch) ran before this continuation.
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private async read(): Promise<void> {
    const ids = [...this.wanted];
    this.wanted.clear();
    if (ids.length === 0) return;
    try {
      const mapper = leanRows(this.fork(), ProfileEntity);
      const rows = await this.readAside<Record<string, unknown>>(`select ${mapper.columns('pr')} from profiles pr where pr.id = any($1::varchar[])`, [ids]);
      const byId = new Map<string, ProfileEntity>();
      for (const row of rows) {
        const profile = mapper.map(row);
        if (profile) byId.set(profile.id, profile);
      }
      const at = this.now();
      for (const id of ids) this.known.set(id, { profile: byId.get(id) ?? null, at });
    } catch (error) {
      // The tick reads them itself then.
      this.logger.warn({ err: error }, 'reading the profiles of a room conversation failed');
    }
  }

  /** Primes `scope`'s profile loader with each of `ids` already read, so resolving them reads nothing. */
  prime(scope: RequestScope, ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.known.get(id);
      if (entry) scope.profile.prime(id, entry.profile);
    }
  }

  /** Forgets profiles no message of the room has named for a while (memory stays bounded by the room's recent writers). */
  forgetOlderThan(ms: number): void {
    const now = this.now();
    for (const [id, entry] of this.known) if (now - entry.at > ms) this.known.delete(id);
  }
}
