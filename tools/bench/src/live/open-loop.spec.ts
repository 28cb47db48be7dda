import { type OpenLoopClock, runOpenLoop } from './open-loop';

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((done) => setImmediate(done));

/** A virtual clock: sleeping lets answers already in run first, then moves time forward; nothing waits for real time. */
function virtualClock(): OpenLoopClock & { set(ms: number): void } {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      await settle();
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

describe('runOpenLoop', () => {
  it('sends each item at its scheduled time even while every earlier send is still unanswered', async () => {
    const clock = virtualClock();
    const sentAt: number[] = [];
    const answers: (() => void)[] = [];
    const run = runOpenLoop([0, 1, 2, 3, 4], 100, () => {
      sentAt.push(clock.now());
      return new Promise<void>((done) => answers.push(done));
    }, clock);
    for (let turn = 0; turn < 100 && sentAt.length < 5; turn += 1) await settle();
    // 100 per second: one every 10 ms, none waiting for an answer.
    expect(sentAt).toEqual([0, 10, 20, 30, 40]);
    // A server that answers nothing until t = 1000 ms.
    clock.set(1000);
    for (const answer of answers) answer();
    const result = await run;
    // Latency from each scheduled time: the queue is in the figures (no coordinated omission).
    expect([...result.latenciesMs].sort((a, b) => a - b)).toEqual([960, 970, 980, 990, 1000]);
    expect(result).toMatchObject({ sent: 5, succeeded: 5, failed: 0, seconds: 1 });
  });

  it('measures a late send from when it was due, not from when it left', async () => {
    const clock = virtualClock();
    // The second send holds the event loop for 50 ms (due at 10 ms, answered at 60 ms), so the loop
    // falls behind before the third.
    const result = await runOpenLoop([0, 1, 2], 100, async (item) => {
      if (item === 1) clock.set(clock.now() + 50);
    }, clock);
    // Item 2 was due at 20 ms and left at 60 ms: its answer counts as 40 ms late, not 0.
    expect(result.latenciesMs).toEqual([0, 50, 40]);
  });

  it('counts failures by message, thrown or rejected, and still waits for every answer', async () => {
    const clock = virtualClock();
    const result = await runOpenLoop([0, 1, 2, 3], 1000, (item) => {
      if (item === 0) throw new Error('refused at once');
      if (item % 2 === 1) return Promise.reject(new Error('Knex: Timeout acquiring a connection'));
      return Promise.resolve();
    }, clock);
    expect(result).toMatchObject({ sent: 4, succeeded: 1, failed: 3 });
    expect([...result.failures]).toEqual([
      ['refused at once', 1],
      ['Knex: Timeout acquiring a connection', 2],
    ]);
  });
});
