import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

import { RequestScope } from '../common/request-scope';
import type { ProfileEntity } from '../profiles/profile.entity';

/** How long a profile read ahead of ticks is used before it is read again (a new display name reaches ticks within this), in ms. */
export const PROFILE_REFRESH_MS = 30_000;

/**
 * The profiles a room's conversation names (authors, mentions), read as items arrive, not when a
 * tick is built: a tick primes its request scope with them, so executing it reads nothing from the
 * database while chat mutations queue for the same pool (the benchmark's 720 writes a second
 * held a tick's one profile read for seconds). One statement per batch of new names (as the
 * request scope's own loader reads them); a name unknown by tick time is read by the tick as usual.
 */
export class ChannelProfiles {
  private readonly known = new Map<string, { readonly profile: ProfileEntity | null; readonly at: number }>();
  private readonly wanted = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly fork: () => EntityManager,
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
    if (this.wanted.size === 0 || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.read());
  }

  private async read(): Promise<void> {
    this.scheduled = false;
    const ids = [...this.wanted];
    this.wanted.clear();
    try {
      const profiles = await new RequestScope(this.fork, null).profile.loadMany(ids);
      const at = this.now();
      ids.forEach((id, index) => {
        const profile = profiles[index];
        if (!(profile instanceof Error)) this.known.set(id, { profile: profile ?? null, at });
      });
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
