import { SocketBudgets } from './socket-budgets';

const limits = { wsMaxSocketsPerViewer: 2, wsMaxPendingSocketsPerAddress: 3, wsPendingOverflowGraceMs: 1000 };

/** Runs the grace timers and the setImmediate each defers its decision to. */
function passGrace(): void {
  jest.advanceTimersByTime(limits.wsPendingOverflowGraceMs);
  jest.runOnlyPendingTimers();
}

describe('SocketBudgets', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sockets within the address budget are never closed by it; those beyond are, after the grace, if still silent', () => {
    const budgets = new SocketBudgets(limits);
    const overflowed: number[] = [];
    for (let i = 0; i < 5; i += 1) budgets.open('198.51.100.1', () => overflowed.push(i));
    expect(budgets.pendingFrom('198.51.100.1')).toBe(5);
    expect(overflowed).toEqual([]);
    passGrace();
    expect(overflowed).toEqual([3, 4]);
  });

  it('kind: a socket that signs in is never closed for its address: init received in time, or signed in, cancels the overflow', () => {
    const budgets = new SocketBudgets(limits);
    const overflowed: string[] = [];
    for (let i = 0; i < 3; i += 1) budgets.open('198.51.100.1', () => overflowed.push(`silent-${i}`));
    const authenticating = budgets.open('198.51.100.1', () => overflowed.push('authenticating'));
    const signedIn = budgets.open('198.51.100.1', () => overflowed.push('signed-in'));
    authenticating.initReceived();
    expect(signedIn.signIn('viewer-a')).toBe(true);
    expect(budgets.pendingFrom('198.51.100.1')).toBe(4);
    expect(budgets.signedInAs('viewer-a')).toBe(1);
    passGrace();
    expect(overflowed).toEqual([]);
  });

  it('addresses have separate budgets, and the signed-in count only against their viewer', () => {
    const budgets = new SocketBudgets(limits);
    const overflowed: string[] = [];
    for (let i = 0; i < 3; i += 1) budgets.open('198.51.100.1', () => overflowed.push('a'));
    budgets.open('203.0.113.7', () => overflowed.push('b'));
    passGrace();
    expect(overflowed).toEqual([]);
    const first = budgets.open('203.0.113.7', () => undefined);
    const second = budgets.open('203.0.113.7', () => undefined);
    const third = budgets.open('203.0.113.7', () => undefined);
    expect([first.signIn('viewer-b'), second.signIn('viewer-b'), third.signIn('viewer-b')]).toEqual([true, true, false]);
    expect(budgets.signedInAs('viewer-b')).toBe(2);
    // The refused one is still pending until its socket closes.
    expect(budgets.pendingFrom('203.0.113.7')).toBe(2);
  });

  it('release frees exactly what the socket held, once', () => {
    const budgets = new SocketBudgets(limits);
    const pending = budgets.open(null, () => undefined);
    const signedIn = budgets.open(null, () => undefined);
    signedIn.signIn('viewer-c');
    pending.release();
    pending.release();
    signedIn.release();
    signedIn.release();
    expect(budgets.pendingFrom(null)).toBe(0);
    expect(budgets.signedInAs('viewer-c')).toBe(0);
    // A released overflow socket is not closed again by its timer.
    const closes: number[] = [];
    for (let i = 0; i < 3; i += 1) budgets.open(null, () => closes.push(i));
    budgets.open(null, () => closes.push(3)).release();
    budgets.open(null, () => closes.push(4));
    passGrace();
    expect(closes).toEqual([4]);
  });
});
