/** The socket budgets (see README "Security"), range-checked by config.ts. */
export interface SocketBudgetLimits {
  /** Signed-in sockets one viewer may hold (WS_MAX_SOCKETS_PER_VIEWER). */
  readonly wsMaxSocketsPerViewer: number;
  /** Sockets not signed in yet that one client address may hold (WS_MAX_PENDING_SOCKETS_PER_ADDRESS). */
  readonly wsMaxPendingSocketsPerAddress: number;
  /** How long, in ms, a socket opened beyond that budget has to send connection_init (WS_PENDING_OVERFLOW_GRACE_MS). */
  readonly wsPendingOverflowGraceMs: number;
}

/** Counts per key that go up and down, dropping keys at zero. */
class Tally {
  private readonly counts = new Map<string, number>();
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  add(key: string, delta: number): void {
    const next = this.get(key) + delta;
    if (next <= 0) this.counts.delete(key);
    else this.counts.set(key, next);
  }
}

/** Where one socket stands in the budgets; every transition happens at most once. */
export interface SocketBudgetEntry {
  /** Its connection_init arrived: an overflow socket is now judged by its token, not by the clock. */
  initReceived(): void;
  /**
   * Its connection_init carried a valid token: it leaves its address's pending budget and counts
   * against its viewer's. False (and nothing counted) when the viewer already holds
   * WS_MAX_SOCKETS_PER_VIEWER sockets.
   */
  signIn(viewerId: string): boolean;
  /** The socket closed: releases whatever it counts against. */
  release(): void;
}

/**
 * WebSocket budgets, kept apart from the protocol adapter (admission/use/ws.ts):
 * - signed-in sockets count against their viewer only, never against their address, so any
 *   number of people behind one office NAT or reverse proxy can connect;
 * - sockets that have not signed in yet count against their client address (clientAddress(),
 *   which honours TRUST_PROXY). A socket opened while its address already holds
 *   WS_MAX_PENDING_SOCKETS_PER_ADDRESS of them is not refused, since it cannot be told apart yet
 *   from one that will sign in (a reconnect storm after a deploy, issue 14): it has
 *   WS_PENDING_OVERFLOW_GRACE_MS to send its connection_init, or is closed with `onOverflow`
 *   (4439). Sockets within the budget keep graphql-ws's 3 s init timeout (4408).
 *
 * So an address holds at most WS_MAX_PENDING_SOCKETS_PER_ADDRESS silent sockets for longer than
 * the grace, and none for longer than 3 s; a socket whose connection_init arrives in time is
 * never closed for its address's sake.
 */
export class SocketBudgets {
  private readonly pendingPerAddress = new Tally();
  private readonly signedInPerViewer = new Tally();

  constructor(private readonly limits: SocketBudgetLimits) {}

  /** Sockets from `address` that have not signed in yet (test and metrics reading). */
  pendingFrom(address: string | null): number {
    return this.pendingPerAddress.get(addressKey(address));
  }

  /** Signed-in sockets of one viewer. */
  signedInAs(viewerId: string): number {
    return this.signedInPerViewer.get(viewerId);
  }

  /** A socket opened from `address`; `onOverflow` closes it if it overstays the grace. */
  open(address: string | null, onOverflow: () => void): SocketBudgetEntry {
    const key = addressKey(address);
    const overBudget = this.pendingPerAddress.get(key) >= this.limits.wsMaxPendingSocketsPerAddress;
    this.pendingPerAddress.add(key, 1);
    let pending = true;
    let initReceived = false;
    let viewerId: string | null = null;
    let grace: NodeJS.Timeout | null = null;
    if (overBudget) {
      grace = setTimeout(() => {
        // Decided after the event loop has polled for I/O once more: a connection_init that
        // arrived in time but waits unread behind a busy loop (a reconnect storm) still counts.
        setImmediate(() => {
          if (pending && !initReceived) onOverflow();
        });
      }, this.limits.wsPendingOverflowGraceMs);
      grace.unref();
    }
    const leavePending = () => {
      if (!pending) return;
      pending = false;
      this.pendingPerAddress.add(key, -1);
      if (grace) clearTimeout(grace);
    };
    return {
      initReceived: () => {
        initReceived = true;
      },
      signIn: (viewer) => {
        if (viewerId !== null) return true;
        if (this.signedInPerViewer.get(viewer) >= this.limits.wsMaxSocketsPerViewer) return false;
        leavePending();
        viewerId = viewer;
        this.signedInPerViewer.add(viewer, 1);
        return true;
      },
      release: () => {
        leavePending();
        if (viewerId !== null) this.signedInPerViewer.add(viewerId, -1);
        viewerId = null;
      },
    };
  }
}

/** Sockets whose address is unknown (already gone) share one key, so they are bounded too. */
function addressKey(address: string | null): string {
  return address ?? 'unknown';
}
