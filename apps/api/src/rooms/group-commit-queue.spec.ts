import { GroupCommitQueue, type Settled } from './group-commit-queue';

/** A queue whose batches stay in flight until the test lets them finish, one at a time. */
function controlledQueue(maxBatch: number) {
  const batches: { key: string; items: readonly number[]; finish: (settled?: Settled<string>[] | Error) => void }[] = [];
  const queue = new GroupCommitQueue<number, string>(
    (key, items) =>
      new Promise<readonly Settled<string>[]>((resolve, reject) => {
        batches.push({
          key,
          items,
          finish: (settled) => {
            if (settled instanceof Error) reject(settled);
            else resolve(settled ?? items.map((item) => ({ ok: true as const, value: `${key}:${item}` })));
          },
        });
      }),
    maxBatch,
  );
  return { queue, batches };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommitQueue', () => {
  it('starts a lone item at once, and gathers the items that arrive meanwhile into the next batch, in order', async () => {
    const { queue, batches } = controlledQueue(10);
    const first = queue.submit('room', 1);
    await flush();
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);
    const later = [2, 3, 4].map((item) => queue.submit('room', item));
    expect(queue.waiting('room')).toBe(3);
    batches[0]!.finish();
    await expect(first).resolves.toBe('room:1');
    await flush();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
    batches[1]!.finish();
    await expect(Promise.all(later)).resolves.toEqual(['room:2', 'room:3', 'room:4']);
    expect(queue.waiting('room')).toBe(0);
  });

  it('caps a batch at maxBatch and runs keys independently', async () => {
    const { queue, batches } = controlledQueue(2);
    const a = [1, 2, 3, 4].map((item) => queue.submit('a', item));
    const b = queue.submit('b', 9);
    await flush();
    expect(batches.map((batch) => [batch.key, batch.items])).toEqual([
      ['a', [1]],
      ['b', [9]],
    ]);
    batches[0]!.finish();
    await flush();
    expect(batches[2]).toMatchObject({ key: 'a', items: [2, 3] });
    batches[2]!.finish();
    await flush();
    expect(batches[3]).toMatchObject({ key: 'a', items: [4] });
    batches[3]!.finish();
    batches[1]!.finish();
    await expect(Promise.all([...a, b])).resolves.toEqual(['a:1', 'a:2', 'a:3', 'a:4', 'b:9']);
  });

  it("settles each item with its own outcome; a batch that throws rejects its items only, and the key's next batch still runs", async () => {
    const { queue, batches } = controlledQueue(10);
    const first = queue.submit('room', 1);
    await flush();
    const second = [queue.submit('room', 2), queue.submit('room', 3)];
    const refused = new Error('refused');
    batches[0]!.finish(new Error('database gone'));
    await expect(first).rejects.toThrow('database gone');
    await flush();
    const third = queue.submit('room', 4);
    batches[1]!.finish([
      { ok: false, error: refused },
      { ok: true, value: 'three' },
    ]);
    await expect(second[0]).rejects.toBe(refused);
    await expect(second[1]).resolves.toBe('three');
    await flush();
    batches[2]!.finish();
    await expect(third).resolves.toBe('room:4');
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => new GroupCommitQueue(async () => [], 0)).toThrow(RangeError);
  });
});
