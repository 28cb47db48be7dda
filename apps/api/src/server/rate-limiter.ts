/**
 * Fixed-window counter per key (the viewer's profile id). Each API instance counts on its own,
 * so with N instances behind a balancer a viewer gets at most N times the limit.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one request; returns false when the key is over its limit in the current window. */
  tryConsume(key: string): boolean {
    const now = this.clock();
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.evictExpired(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    if (current.count >= this.limit) return false;
    current.count += 1;
    return true;
  }

  /** Milliseconds until the key's window resets. */
  retryAfterMs(key: string): number {
    const current = this.windows.get(key);
    return current ? Math.max(0, current.start + this.windowMs - this.clock()) : 0;
  }

  private evictExpired(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
