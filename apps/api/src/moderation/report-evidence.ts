import { type EntityManager } from '@mikro-orm/postgresql';
import { type ParticipantRole, STAGE_ROLES } from '@roundtable/domain';

import { parseRoomEventMessage, type RoomEventJson } from '../events/room-event-message';
import { ProfileEntity } from '../profiles/profile.entity';
import { ParticipantEntity, type RoomEntity, RoomStreamEntity } from '../rooms/room.entity';

/** How many of the room's latest events a report keeps (the contract's "at most 50"). */
export const EVIDENCE_EVENTS_MAX = 50;

/** One message of a report's `chatContext` (the contract's `EvidenceChatMessage`), as stored. */
export interface EvidenceChatMessageSnapshot {
  readonly messageId: string;
  readonly authorId: string;
  /** The text as written, also for a message deleted before the report. */
  readonly text: string;
  /** When it was sent (ISO-8601). */
  readonly at: string;
  /** The message the report is about. */
  readonly reported: boolean;
  /** Deleted before the report was filed (its text still kept here, for staff). */
  readonly deleted: boolean;
}

/** What a report on a question or a chat message keeps besides the room's state. */
export interface ReportedItemEvidence {
  /** A report on a question: its text as read in the report's transaction. */
  readonly questionText?: string | null;
  /** A report on a chat message: the message with the messages around it, oldest first. */
  readonly chatContext?: readonly EvidenceChatMessageSnapshot[];
}

/** The contract's `ReportEvidence`, as stored in `reports.evidence` (dates as ISO-8601 strings). */
export interface ReportEvidenceSnapshot {
  readonly capturedAt: string;
  readonly roomVersion: number;
  readonly roomTitle: string;
  readonly reporterRole: ParticipantRole | null;
  readonly reportedRole: ParticipantRole | null;
  readonly reportedHandQuestion: string | null;
  readonly reportedJoinedAt: string | null;
  readonly stage: readonly { profileId: string; displayName: string; role: ParticipantRole; muted: boolean }[];
  readonly recentEvents: readonly { version: number; type: string; profileId: string | null; at: string }[];
  /** A report on a question: its text when reported. Absent in snapshots taken before reports on questions. */
  readonly questionText?: string | null;
  /** A report on a chat message: the message and up to 10 on each side when reported. Absent in snapshots taken before reports on messages. */
  readonly chatContext?: readonly EvidenceChatMessageSnapshot[];
}

function profileOf(event: RoomEventJson): string | null {
  return 'participant' in event ? event.participant.profileId : 'profileId' in event ? event.profileId : null;
}

/**
 * What the room looks like now, for a report filed in `tx`: the stage with names, the last
 * {@link EVIDENCE_EVENTS_MAX} stored events (oldest first), and both people's participation.
 * Four indexed reads (five with stage names); runs in the report's transaction so the snapshot and the report agree.
 * @param item for a report on a question, its text as read in `tx` (kept as `questionText`); on a
 *   chat message, the messages around it (kept as `chatContext`).
 */
export async function captureEvidence(
  tx: EntityManager,
  room: RoomEntity,
  reporterId: string,
  reportedProfileId: string | null,
  now: Date,
  item: ReportedItemEvidence = {},
): Promise<ReportEvidenceSnapshot> {
  const named = reportedProfileId === null ? [reporterId] : [reporterId, reportedProfileId];
  // One after another: a transaction is one connection.
  const rows = await tx.find(ParticipantEntity, {
    roomId: room.id,
    leftAt: null,
    $or: [{ role: { $in: [...STAGE_ROLES] } }, { profileId: { $in: named } }],
  });
  const stream = await tx.findOne(RoomStreamEntity, { roomId: room.id }, { refresh: true });
  const events = await tx.execute<{ payload: unknown }[]>(
    `select payload from room_events where room_id = ? order by version desc limit ${EVIDENCE_EVENTS_MAX}`,
    [room.id],
  );
  const stageRows = rows.filter((row) => STAGE_ROLES.has(row.role)).sort((a, b) => (a.stageSince?.getTime() ?? 0) - (b.stageSince?.getTime() ?? 0));
  const profiles = stageRows.length > 0 ? await tx.find(ProfileEntity, { id: { $in: stageRows.map((row) => row.profileId) } }) : [];
  const names = new Map(profiles.map((profile) => [profile.id, profile.displayName]));
  const reporter = rows.find((row) => row.profileId === reporterId) ?? null;
  const reported = reportedProfileId === null ? null : (rows.find((row) => row.profileId === reportedProfileId) ?? null);
  const recentEvents = events
    .map((row) => parseRoomEventMessage(row.payload, 'database').event)
    .reverse()
    .map((event) => ({ version: event.version, type: event.type, profileId: profileOf(event), at: event.at }));
  return {
    capturedAt: now.toISOString(),
    roomVersion: stream?.version ?? 0,
    roomTitle: room.title,
    reporterRole: reporter?.role ?? null,
    reportedRole: reported?.role ?? null,
    reportedHandQuestion: reported?.handRaiseQuestion ?? null,
    reportedJoinedAt: reported?.joinedAt.toISOString() ?? null,
    stage: stageRows.map((row) => ({ profileId: row.profileId, displayName: names.get(row.profileId) ?? row.profileId, role: row.role, muted: row.muted })),
    recentEvents,
    questionText: item.questionText ?? null,
    ...(item.chatContext ? { chatContext: item.chatContext } : {}),
  };
}
