import {
  type AutocannonCommand,
  type AutocannonSummary,
  type ConnectRawCommand,
  type ConnectResult,
  type ConversationLoadCommand,
  type ConversationLoadResult,
  type ConversationWarmupCommand,
  type FanoutCommand,
  type FanoutResult,
  type JoinStormCommand,
  type JoinStormResult,
  type LoadCommand,
  type LoadResponse,
  type SignInCommand,
  type SubscribeConversationCommand,
  type SubscribeGraphQLCommand,
} from './load-generator-protocol';
import { logTail, type StartedChild, startNodeChild } from './process-tools';

/** The parent's handle on a load-generator child process. */
export class LoadGenerator {
  private nextId = 1;
  private readonly waiting = new Map<number, { done: (value: unknown) => void; fail: (error: Error) => void }>();

  private constructor(readonly process: StartedChild) {
    process.child.on('message', (message: LoadResponse) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if ('error' in message) waiter.fail(new Error(`load generator: ${message.error}`));
      else waiter.done(message.result);
    });
    process.child.once('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.fail(new Error(`load generator exited (${code}):\n${logTail(process)}`));
      this.waiting.clear();
    });
  }

  static start(options: { cpu: number | null; fdLimit: number | null; logDir: string }): LoadGenerator {
    return new LoadGenerator(
      startNodeChild({ name: 'load-generator', entry: 'dist/tools/bench/live/load-generator.js', ipc: true, inheritOutput: true, ...options }),
    );
  }

  private send<T>(command: LoadCommand): Promise<T> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<T>((done, fail) => {
      this.waiting.set(id, { done: done as (value: unknown) => void, fail });
      this.process.child.send({ id, command });
    });
  }

  subscribeGraphQL(command: Omit<SubscribeGraphQLCommand, 'type'>): Promise<ConnectResult> {
    return this.send({ type: 'subscribe-graphql', ...command });
  }

  subscribeConversation(command: Omit<SubscribeConversationCommand, 'type'>): Promise<ConnectResult> {
    return this.send({ type: 'subscribe-conversation', ...command });
  }

  connectRaw(command: Omit<ConnectRawCommand, 'type'>): Promise<ConnectResult> {
    return this.send({ type: 'connect-raw', ...command });
  }

  fanout(command: Omit<FanoutCommand, 'type'>): Promise<FanoutResult> {
    return this.send({ type: 'fanout', ...command });
  }

  signIn(command: Omit<SignInCommand, 'type'>): Promise<{ seconds: number }> {
    return this.send({ type: 'sign-in', ...command });
  }

  joinStorm(command: Omit<JoinStormCommand, 'type'>): Promise<JoinStormResult> {
    return this.send({ type: 'join-storm', ...command });
  }

  autocannon(command: Omit<AutocannonCommand, 'type'>): Promise<AutocannonSummary> {
    return this.send({ type: 'autocannon', ...command });
  }

  conversationWarmup(command: Omit<ConversationWarmupCommand, 'type'>): Promise<{ seconds: number; attempts: number }> {
    return this.send({ type: 'conversation-warmup', ...command });
  }

  conversationLoad(command: Omit<ConversationLoadCommand, 'type'>): Promise<ConversationLoadResult> {
    return this.send({ type: 'conversation-load', ...command });
  }

  closeAll(): Promise<void> {
    return this.send({ type: 'close' });
  }

  async stop(): Promise<void> {
    if (this.process.child.connected) this.process.child.disconnect();
    await this.process.stop();
  }
}
