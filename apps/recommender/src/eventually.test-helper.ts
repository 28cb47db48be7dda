/**
 * Polls `check` every 50 ms until it returns a value, failing after a generous bound (`boundMs`,
 * 15 s by default): a hang guard for what settles after an answer (a hot reload, a log line),
 * never a timing assertion.
 * @throws Error naming `what` once the bound has passed.
 */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, boundMs = 15_000): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
