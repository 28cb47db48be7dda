/**
 * Recognises frames already seen without decoding them: a benchmark's client that receives the
 * same frame as thousands of others (one class of one conversation tick, one raw broadcast) looks
 * it up by its length and first and last bytes, and confirms with a byte comparison (memcmp), so
 * only a frame never seen before is decoded and parsed. Per frame that is a few microseconds where
 * decoding and parsing 10 KB cost tens: 10,000 subscribers' ticks no longer saturate the load
 * generator instead of the server.
 */
export class FrameContents<T> {
  private readonly byKey = new Map<string, { frame: Buffer; value: T }[]>();
  private count = 0;

  /** @param limit distinct frames kept; past it the oldest key's are forgotten (they are parsed again if they come back). */
  constructor(private readonly limit = 1024) {}

  /** The value of `frame`: `parse(text)`'s for a frame not seen before, the remembered one otherwise. */
  valueOf(frame: Buffer, parse: (text: string) => T): T {
    const key = `${frame.length}:${frame.toString('latin1', 0, Math.min(frame.length, 160))}:${frame.toString('latin1', Math.max(0, frame.length - 96))}`;
    const candidates = this.byKey.get(key);
    for (const candidate of candidates ?? []) if (candidate.frame.equals(frame)) return candidate.value;
    const value = parse(frame.toString('utf8'));
    // A copy: the received buffer may be a view into a pool ws reuses.
    const entry = { frame: Buffer.from(frame), value };
    if (candidates) candidates.push(entry);
    else this.byKey.set(key, [entry]);
    this.count += 1;
    if (this.count > this.limit) {
      const oldest = this.byKey.keys().next().value as string;
      this.count -= this.byKey.get(oldest)?.length ?? 0;
      this.byKey.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.byKey.clear();
    this.count = 0;
  }
}

/** A received ws message as one Buffer (ws's default `nodebuffer` type gives one already). */
export function frameBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
