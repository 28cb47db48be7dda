import { type ChatMessageJson, type ConversationItem, Reaction } from './conversation-feed';

/**
 * The pure part of a conversation tick (issue 17): what one room's items of one tick interval
 * fold into, and which messages each class of subscriber receives. No I/O, no clock: the tick
 * service (`conversation-ticks.ts`) gathers the items and the room's size and roles, asks here,
 * and delivers.
 */

/** A reaction kind and how often it was used in one tick. */
export interface ReactionCount {
  readonly reaction: Reaction;
  /** At least 1. */
  readonly count: number;
}

/** A question's upvote count after the last vote of the tick. */
export interface QuestionVotes {
  readonly questionId: string;
  readonly upvoteCount: number;
}

/** One tick interval of a room, folded: the same for every subscriber before sampling. */
export interface FoldedConversation {
  /**
   * Messages recorded in the interval and not deleted in it, oldest first (`createdAt`, then the
   * order they arrived); a message recorded twice counts once.
   */
  readonly messages: readonly ChatMessageJson[];
  /** Messages deleted in the interval (those sent in it too: they are left out of `messages`), each once. */
  readonly deletedMessageIds: readonly string[];
  /** Reactions by kind, in the order of the `Reaction` enum; kinds nobody used are left out. */
  readonly reactions: readonly ReactionCount[];
  /** The latest count of each question whose count changed, in the order the questions first changed. */
  readonly questionVotes: readonly QuestionVotes[];
}

const REACTION_ORDER: readonly Reaction[] = Object.values(Reaction);

/**
 * Folds one interval's items, in the order they arrived. Null when nothing happened (no item), so
 * no subscriber gets a tick. A message deleted in the same interval is left out of `messages` and
 * listed in `deletedMessageIds` only.
 */
export function foldConversation(items: readonly ConversationItem[]): FoldedConversation | null {
  if (items.length === 0) return null;
  const messages = new Map<string, { message: ChatMessageJson; arrival: number; at: number }>();
  const deleted = new Set<string>();
  const reactions = new Map<Reaction, number>();
  const votes = new Map<string, number>();
  items.forEach((item, arrival) => {
    switch (item.kind) {
      case 'message':
        if (!messages.has(item.message.id)) messages.set(item.message.id, { message: item.message, arrival, at: Date.parse(item.message.createdAt) });
        return;
      case 'deleted':
        deleted.add(item.messageId);
        return;
      case 'reaction':
        reactions.set(item.reaction, (reactions.get(item.reaction) ?? 0) + 1);
        return;
      case 'questionVotes':
        // Re-setting keeps the first position: the order questions first changed.
        votes.set(item.questionId, item.upvoteCount);
        return;
    }
  });
  const kept = [...messages.values()]
    .filter((entry) => !deleted.has(entry.message.id))
    .sort((a, b) => (a.at === b.at || Number.isNaN(a.at) || Number.isNaN(b.at) ? a.arrival - b.arrival : a.at - b.at))
    .map((entry) => entry.message);
  return {
    messages: kept,
    deletedMessageIds: [...deleted],
    reactions: REACTION_ORDER.flatMap((reaction) => {
      const count = reactions.get(reaction) ?? 0;
      return count > 0 ? [{ reaction, count }] : [];
    }),
    questionVotes: [...votes].map(([questionId, upvoteCount]) => ({ questionId, upvoteCount })),
  };
}

/** How a sampled room samples listeners' messages. */
export interface SamplingSettings {
  /** Listeners' messages one listener receives per tick (besides the stage's, their own and their mentions); at least 1. */
  readonly messagesPerTick: number;
  /** Groups of listeners that each receive a different sample; at least 1. */
  readonly buckets: number;
}

/** What one class of subscribers receives of a tick's messages. */
export interface TickView {
  /**
   * Names the view within its tick: `all`, `b<bucket>` (a bucket's sample), or
   * `b<bucket>+<ids>` (a bucket's sample with the viewer's own or mentioning messages added).
   * Viewers with equal keys receive identical messages and `sampledOut`.
   */
  readonly key: string;
  /** Oldest first, as in {@link FoldedConversation.messages}. */
  readonly messages: readonly ChatMessageJson[];
  /** The position of each of `messages` in {@link FoldedConversation.messages}. */
  readonly indexes: readonly number[];
  /** Messages of the interval left out of this view. */
  readonly sampledOut: number;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: cheap, stable across instances and restarts. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The sample bucket of a profile, in `[0, buckets)`: the same on every instance. */
export function bucketOf(profileId: string, buckets: number): number {
  return fnv1a(profileId) % Math.max(1, buckets);
}

/**
 * Which messages of one folded tick each subscriber receives. Unsampled (a small room), everyone
 * receives everything. Sampled, a subscriber on the stage (or moderating) receives everything; a
 * listener (or anyone not on the stage) receives every message from the stage, at most
 * `messagesPerTick` listeners' messages chosen for their bucket, and every listener message they
 * wrote or that mentions them. Views are built once per bucket and once per distinct set of added
 * messages, never per subscriber: {@link view} costs a map lookup for a viewer with nothing of their own.
 */
export class TickPlan {
  private readonly all: TickView;
  private readonly listenerMessages: readonly ChatMessageJson[];
  private readonly samples = new Map<number, { view: TickView; ids: ReadonlySet<string> }>();
  private readonly withExtras = new Map<string, TickView>();
  private involvement: Map<string, ChatMessageJson[]> | null = null;
  /** Whether listeners receive a sample (false: the room is small, or its listeners' messages fit in one sample). */
  private readonly sampled: boolean;

  constructor(
    readonly folded: FoldedConversation,
    sampled: boolean,
    private readonly settings: SamplingSettings,
  ) {
    this.all = { key: 'all', messages: folded.messages, indexes: folded.messages.map((_message, index) => index), sampledOut: 0 };
    this.listenerMessages = folded.messages.filter((message) => !message.fromStage);
    this.sampled = sampled && this.listenerMessages.length > settings.messagesPerTick;
  }

  /** The view of everything: what the stage gets, and what every other view is a part of. */
  get everything(): TickView {
    return this.all;
  }

  /** Whether some listeners receive less than every message this tick. */
  get sampling(): boolean {
    return this.sampled;
  }

  /** The view of a viewer in `bucket` (see {@link bucketOf}); `onStage`: on the stage or moderating. */
  view(viewerId: string, bucket: number, onStage: boolean): TickView {
    if (onStage || !this.sampled) return this.all;
    const base = this.sampleOf(bucket);
    const involved = this.involvementOf().get(viewerId);
    if (!involved) return base.view;
    const extras = involved.filter((message) => !base.ids.has(message.id));
    if (extras.length === 0) return base.view;
    const key = `${base.view.key}+${extras.map((message) => message.id).join(',')}`;
    let view = this.withExtras.get(key);
    if (!view) {
      const added = new Set(extras.map((message) => message.id));
      view = { key, ...this.select((message) => message.fromStage || base.ids.has(message.id) || added.has(message.id)), sampledOut: base.view.sampledOut - extras.length };
      this.withExtras.set(key, view);
    }
    return view;
  }

  private sampleOf(bucket: number): { view: TickView; ids: ReadonlySet<string> } {
    let sample = this.samples.get(bucket);
    if (!sample) {
      // A different order per bucket: together the buckets carry as many distinct messages as they can.
      const ranked = this.listenerMessages
        .map((message) => ({ id: message.id, rank: fnv1a(`${bucket}:${message.id}`) }))
        .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const ids = new Set(ranked.slice(0, this.settings.messagesPerTick).map((entry) => entry.id));
      sample = {
        ids,
        view: { key: `b${bucket}`, ...this.select((message) => message.fromStage || ids.has(message.id)), sampledOut: this.listenerMessages.length - ids.size },
      };
      this.samples.set(bucket, sample);
    }
    return sample;
  }

  /** The folded messages `keep` holds, in order, with their positions. */
  private select(keep: (message: ChatMessageJson) => boolean): { messages: ChatMessageJson[]; indexes: number[] } {
    const messages: ChatMessageJson[] = [];
    const indexes: number[] = [];
    this.folded.messages.forEach((message, index) => {
      if (!keep(message)) return;
      messages.push(message);
      indexes.push(index);
    });
    return { messages, indexes };
  }

  /** Listener messages by the profiles they involve (author, mentioned), built once per tick. */
  private involvementOf(): Map<string, ChatMessageJson[]> {
    if (!this.involvement) {
      const involvement = new Map<string, ChatMessageJson[]>();
      for (const message of this.listenerMessages) {
        for (const profileId of new Set([message.authorId, ...message.mentionIds])) {
          const list = involvement.get(profileId);
          if (list) list.push(message);
          else involvement.set(profileId, [message]);
        }
      }
      this.involvement = involvement;
    }
    return this.involvement;
  }
}
