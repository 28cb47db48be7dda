/**
 * "Not interested": what a viewer asked not to be recommended, and the one rule that decides
 * whether a candidate room is hidden for them. The API restates the rule as SQL in the candidate
 * query (`hiddenRoomsSql` in apps/api); the property test holds the two to the same answer.
 */

/** The three things a viewer can hide. */
export type HiddenKind = 'ROOM' | 'HOST' | 'TOPIC';

/** A viewer's hidden items: room ids, host profile ids and topic slugs. */
export interface HiddenItems {
  readonly roomIds: ReadonlySet<string>;
  readonly hostIds: ReadonlySet<string>;
  readonly topicSlugs: ReadonlySet<string>;
}

/** The facts of a room the rule reads. */
export interface HideableRoom {
  readonly id: string;
  readonly hostId: string;
  readonly topics: readonly string[];
}

/** At most this many hidden items per person (`hideRecommendation` refuses more with CONFLICT). */
export const MAX_HIDDEN_RECOMMENDATIONS = 500;

export const NO_HIDDEN_ITEMS: HiddenItems = Object.freeze({ roomIds: new Set<string>(), hostIds: new Set<string>(), topicSlugs: new Set<string>() });

/** Builds {@link HiddenItems} from `{kind, value}` rows (value: room id, host id or topic slug). */
export function hiddenItemsOf(rows: Iterable<{ readonly kind: HiddenKind; readonly value: string }>): HiddenItems {
  const roomIds = new Set<string>();
  const hostIds = new Set<string>();
  const topicSlugs = new Set<string>();
  for (const { kind, value } of rows) {
    if (kind === 'ROOM') roomIds.add(value);
    else if (kind === 'HOST') hostIds.add(value);
    else topicSlugs.add(value);
  }
  return { roomIds, hostIds, topicSlugs };
}

/** A room is hidden when the viewer hid the room itself, its host, or any one of its topics. */
export function isHiddenRoom(hidden: HiddenItems, room: HideableRoom): boolean {
  return hidden.roomIds.has(room.id) || hidden.hostIds.has(room.hostId) || room.topics.some((topic) => hidden.topicSlugs.has(topic));
}

/** The rooms that are not hidden, in their order. */
export function withoutHiddenRooms<T extends HideableRoom>(hidden: HiddenItems, rooms: readonly T[]): T[] {
  return rooms.filter((room) => !isHiddenRoom(hidden, room));
}
