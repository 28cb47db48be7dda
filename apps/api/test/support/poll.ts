/**
 * Reads `read()` until `done(value)` holds, at most `attempts` times `intervalMs` apart, and returns
 * the last value read. For state that settles after an answer (bus subscriptions, media jobs,
 * sockets closing): a hang guard, never a timing assertion; callers assert on what it returns.
 */
export async function pollUntil<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  { attempts = 400, intervalMs = 25 }: { attempts?: number; intervalMs?: number } = {},
): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt < attempts && !done(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
