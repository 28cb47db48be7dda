import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

import { impressionRecordProblem, type ImpressionLogRecord } from '@roundtable/ranking';

/** Reads an impression log, failing on the first malformed line with its line number. */
export async function readImpressionLog(
  path: string,
  onLine?: (lineNumber: number) => void,
): Promise<ImpressionLogRecord[]> {
  const records: ImpressionLogRecord[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line) as unknown;
    } catch {
      throw new Error(`${path}:${lineNumber}: not JSON`);
    }
    const problem = impressionRecordProblem(parsed);
    if (problem !== null) throw new Error(`${path}:${lineNumber}: ${problem}`);
    records.push(parsed as ImpressionLogRecord);
    onLine?.(lineNumber);
  }
  return records;
}

/** Appends JSON lines to a file, respecting stream backpressure. */
export class JsonlWriter {
  private readonly stream;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.stream = createWriteStream(path, 'utf8');
  }

  async write(value: unknown): Promise<void> {
    if (!this.stream.write(`${JSON.stringify(value)}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
