import type { Logger } from 'pino';

import type { AuthenticatedViewer, VerifiedToken } from '../auth/authenticator';
import { type StaffRole, type StaffRoleGrant, TRUST_SAFETY_ROLE } from './staff-roles';

export interface StaffDirectoryOptions {
  /** Reads the whole staff record (a handful of rows). */
  readonly read: () => Promise<readonly Pick<StaffRoleGrant, 'profileId' | 'role'>[]>;
  /** How often the record is re-read, in ms (STAFF_ROLES_REFRESH_MS). */
  readonly refreshMs: number;
  /** Called with the profiles whose roles changed in a refresh (granted or withdrawn). */
  readonly onChange?: (profileIds: readonly string[]) => void;
  readonly logger: Logger;
  /** The clock (epoch ms), for tests. */
  readonly now?: () => number;
}

/**
 * This instance's copy of the `staff_roles` record, re-read every STAFF_ROLES_REFRESH_MS, so
 * checking staff rights on every request and every socket operation costs no SQL, and a grant
 * or withdrawal made anywhere (the `staff` CLI, another instance) takes effect here within one
 * refresh. Open sockets follow through `onChange` (their room streams re-check access).
 *
 * Fails closed: when the record could not be read for {@link staleAfterMs}, nobody holds a staff
 * role here until a read succeeds again.
 */
export class StaffDirectory {
  private roles = new Map<string, ReadonlySet<StaffRole>>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly now: () => number;
  private reads = 0;
  private lapsed = false;

  constructor(private readonly options: StaffDirectoryOptions) {
    this.now = options.now ?? Date.now;
  }

  /** How old the last successful read may be before staff rights lapse, in ms. */
  get staleAfterMs(): number {
    return Math.max(5000, 5 * this.options.refreshMs);
  }

  /** Successful reads of the record so far (tests count refreshes instead of timing them). */
  get refreshes(): number {
    return this.reads;
  }

  /** Reads the record once (a failure fails start-up), then keeps re-reading it. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'reading staff_roles failed; staff rights lapse if it keeps failing');
        this.reportLapse();
      });
    }, this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Re-reads the record now (one read at a time; a caller during a read waits for it and then reads again). */
  async refresh(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    this.inFlight = this.load();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  /** Whether the record says `profileId` holds `role` (false while the record is stale). */
  hasRole(profileId: string, role: StaffRole): boolean {
    if (this.isStale()) return false;
    return this.roles.get(profileId)?.has(role) ?? false;
  }

  private isStale(): boolean {
    return this.now() - this.loadedAt > this.staleAfterMs;
  }

  /**
   * Once the record has gone stale, every staff member's rights have lapsed here: their open
   * streams re-check access, as for a withdrawal (once per lapse; the next read reports again).
   */
  reportLapse(): void {
    if (this.lapsed || !this.isStale() || this.roles.size === 0) return;
    this.lapsed = true;
    this.options.onChange?.([...this.roles.keys()]);
  }

  private async load(): Promise<void> {
    const rows = await this.options.read();
    const next = new Map<string, Set<StaffRole>>();
    for (const { profileId, role } of rows) {
      const held = next.get(profileId) ?? new Set<StaffRole>();
      held.add(role);
      next.set(profileId, held);
    }
    // After a lapse everyone in the record regains rights: all of them changed.
    const changed = [...new Set([...this.roles.keys(), ...next.keys()])].filter(
      (profileId) => (this.lapsed && next.has(profileId)) || !sameRoles(this.roles.get(profileId), next.get(profileId)),
    );
    this.lapsed = false;
    this.roles = next;
    this.loadedAt = this.now();
    this.reads += 1;
    if (changed.length > 0) this.options.onChange?.(changed);
  }
}

function sameRoles(a: ReadonlySet<StaffRole> | undefined, b: ReadonlySet<StaffRole> | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const role of a ?? []) if (!b?.has(role)) return false;
  return true;
}

/**
 * The viewer of a verified token, whose `isStaff` asks the staff record each time it is read, so
 * a viewer kept by an open socket loses staff rights when the record withdraws them. A token
 * issued for longer than `maxStaffTokenLifetimeSeconds` (AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS)
 * carries no staff rights: its holder acts as a member until signing in with a shorter one.
 */
export function viewerFromToken(token: VerifiedToken, staff: StaffDirectory, maxStaffTokenLifetimeSeconds: number): AuthenticatedViewer {
  const shortEnoughForStaff = token.lifetimeSeconds <= maxStaffTokenLifetimeSeconds;
  return {
    profileId: token.profileId,
    name: token.name,
    expiresAt: token.expiresAt,
    get isStaff() {
      return shortEnoughForStaff && staff.hasRole(token.profileId, TRUST_SAFETY_ROLE);
    },
  };
}
