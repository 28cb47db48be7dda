import { type EntityManager } from '@mikro-orm/postgresql';
import {
  executeMediaCall,
  type MediaCall,
  type MediaControl,
  MediaControlError,
  type MediaParticipant,
  type MediaWebhookEvent,
  planParticipantSync,
  planRoomEnded,
  planRoomReconciliation,
  satisfiesDesiredMedia,
} from '@roundtable/audio';
import { RoomStatus, STAGE_ROLES } from '@roundtable/domain';
import type { Logger } from 'pino';

import { isUuid } from '../common/ids';
import type { ApiMetrics } from '../observability/metrics';
import type { RoomCommandHandler } from '../rooms/room-command.handler';
import { RoomEntity } from '../rooms/room.entity';
import { desiredPresence, desiredRoomParticipants } from './media-desired-state';
import {
  type DeadLetteredMediaJob,
  MEDIA_RECONCILE_QUEUE,
  MEDIA_SYNC_QUEUE,
  type MediaOutbox,
  type MediaSyncJob,
} from './media-outbox';

export interface MediaSyncDeps {
  readonly media: MediaControl;
  readonly outbox: MediaOutbox;
  readonly fork: () => EntityManager;
  readonly commands: RoomCommandHandler;
  readonly logger: Logger;
  readonly metrics: Pick<ApiMetrics, 'mediaJobsDeadLettered'>;
}

/** What a webhook did, for the HTTP answer and the tests. */
export type WebhookOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored';

/**
 * Brings LiveKit in line with the database: drains the media outbox (one participant or room per
 * job), reconciles the media server's rooms on request, reports jobs given up after their last
 * retry, and records what LiveKit's webhooks report about connections. Every decision reads the
 * current database state, so jobs may run late, twice or out of order and still converge.
 */
export class MediaSync {
  constructor(private readonly deps: MediaSyncDeps) {}

  async startWorkers(): Promise<void> {
    await this.deps.outbox.work<MediaSyncJob>(MEDIA_SYNC_QUEUE, (job) => this.syncJob(job));
    await this.deps.outbox.work<Record<string, never>>(MEDIA_RECONCILE_QUEUE, () => this.reconcile());
    await this.deps.outbox.workDeadLetters(async (job) => this.reportDeadLetter(job));
  }

  /**
   * A sync job failed its last retry (LiveKit down longer than the retry budget, about 68 min with
   * the defaults): an operator must hear of it, and the next reconciliation that reaches LiveKit
   * repairs what the job left undone (a room that ended is closed by {@link reconcile}).
   */
  reportDeadLetter(job: DeadLetteredMediaJob): void {
    this.deps.metrics.mediaJobsDeadLettered.inc({ queue: MEDIA_SYNC_QUEUE });
    this.deps.logger.error(
      { queue: MEDIA_SYNC_QUEUE, roomId: job.data.roomId, profileId: job.data.profileId, retries: job.retryLimit, reason: job.lastError },
      'media job given up after its last retry; reconciliation will repair the media server once it answers',
    );
  }

  /** One outbox job. Throws (so pg-boss retries with backoff) only when retrying can help. */
  async syncJob(job: MediaSyncJob): Promise<void> {
    await this.withRoomMediaLock(job.roomId, async () => {
      const calls =
        job.profileId === null
          ? planRoomEnded(job.roomId)
          : planParticipantSync({
              roomId: job.roomId,
              profileId: job.profileId,
              // Read now, revocation included; never from the job (which may stand for several).
              desired: await desiredPresence(this.deps.fork(), job.roomId, job.profileId),
              actual: await this.deps.media.getParticipant(job.roomId, job.profileId),
            });
      await this.execute(calls);
    });
  }

  /**
   * Runs `work` holding `roomId`'s media lock: a PostgreSQL transaction-level advisory lock, so it
   * holds across every instance. Whatever reads LiveKit's state of a room to plan calls runs under
   * it (a participant's sync job, the reconciliation of that room), so two plans never start from
   * the same state: after an outage a retried mute and a reconciliation both saw the microphone
   * unmuted and both muted it (issue 14's "none twice"). The lock's transaction holds one pooled
   * connection while LiveKit answers; at most one per worker.
   */
  private async withRoomMediaLock(roomId: string, work: () => Promise<void>): Promise<void> {
    await this.deps.fork().transactional(async (tx) => {
      await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`media:${roomId.toLowerCase()}`]);
      await work();
    });
  }

  /**
   * Reconciles the media server with the database. Closes every media room whose Roundtable room
   * is not LIVE (ended, not started, or unknown), and in every LIVE room removes media participants
   * who are not allowed (banned, removed, unknown), re-applies permissions to anyone holding the
   * wrong ones, re-mutes muted speakers, and corrects `Participant.connected`. Throws
   * `MediaControlError` while the media server is unavailable (the next run tries again).
   */
  async reconcile(): Promise<void> {
    // Listed before the database is read: a room that goes LIVE after this list was taken is
    // read as LIVE below, so a room is never closed for starting while reconciliation runs.
    const mediaRooms = await this.deps.media.listRooms();
    const rooms = await this.deps.fork().find(RoomEntity, { status: RoomStatus.Live }, { fields: ['id'] });
    const live = new Set(rooms.map((room) => room.id));
    for (const roomId of mediaRooms.filter((name) => !live.has(name))) {
      // A room-end job given up during a long outage leaves this; so does a room deleted since.
      this.deps.logger.warn({ roomId }, 'media room open for a room that is not LIVE; closing it');
      await this.withRoomMediaLock(roomId, () => this.execute(planRoomEnded(roomId)));
    }
    for (const { id: roomId } of rooms) {
      await this.withRoomMediaLock(roomId, async () => {
        const em = this.deps.fork();
        const actual = await this.deps.media.listParticipants(roomId);
        const desired = await desiredRoomParticipants(em, roomId);
        const plan = planRoomReconciliation({ roomId, desired, actual });
        await this.execute(plan.calls);
        for (const correction of plan.connectionCorrections) {
          await this.recordConnection(roomId, correction.profileId, correction.connected, new Date(), null);
        }
      });
    }
  }

  /**
   * A verified LiveKit webhook: connection changes set `Participant.connected` (and become room
   * events for people on stage). Duplicates (by event id) and stale events (older than the last
   * recorded change) are ignored; unknown rooms are ignored and logged. Every
   * `participant_joined` and `track_published` in a known room is checked against the
   * participant's current rights (see {@link checkRights}); track events change no connection
   * and answer `ignored`.
   */
  async handleWebhook(event: MediaWebhookEvent): Promise<WebhookOutcome> {
    const connected =
      event.type === 'participant_joined' ? true : event.type === 'participant_left' || event.type === 'participant_connection_aborted' ? false : null;
    const checksRights = event.type === 'participant_joined' || event.type === 'track_published';
    if ((connected === null && !checksRights) || event.roomId === null || event.profileId === null) return 'ignored';
    const em = this.deps.fork();
    if (connected !== null) {
      const fresh = await em.execute<unknown[]>(
        `insert into livekit_webhook_events (id, type, room_id, profile_id, created_at, received_at)
         values (?, ?, ?, ?, ?, now()) on conflict (id) do nothing returning id`,
        [event.id, event.rawType, event.roomId, event.profileId, event.createdAt],
      );
      if (fresh.length === 0) return 'duplicate';
    }
    if (!isUuid(event.roomId) || (await em.count(RoomEntity, { id: event.roomId.toLowerCase() })) === 0) {
      this.deps.logger.warn({ roomId: event.roomId, eventId: event.id }, 'LiveKit webhook for an unknown room ignored');
      return 'ignored';
    }
    const roomId = event.roomId.toLowerCase();
    const outcome = connected === null ? 'ignored' : await this.recordConnection(roomId, event.profileId, connected, event.createdAt, event.participantSid);
    if (checksRights) await this.checkRights(roomId, event.profileId, event);
    return outcome;
  }

  /**
   * Whether what the media server just reported (a join, a published track) holds more than the
   * participant's current rights; if so, a sync job for them (in its own transaction). Catches
   * someone the room does not know (or no longer has), a connection made with a token issued
   * before a lost right (a demoted speaker's old stage token: removed with that token revoked),
   * drifted permissions, and a muted speaker's unmuted microphone. Reads the database (3
   * statements) and queues nothing when the report already matches, so ordinary joins cost no job.
   * A report without the participant queues a sync, which reads LiveKit itself.
   */
  private async checkRights(roomId: string, profileId: string, event: MediaWebhookEvent): Promise<boolean> {
    const desired = await desiredPresence(this.deps.fork(), roomId, profileId);
    const reported = event.participant === null ? null : withTrack(event.participant, event.track);
    if (reported !== null && satisfiesDesiredMedia(desired, reported)) return false;
    if (desired.kind === 'not-in-room' || desired.kind === 'removed' || desired.kind === 'banned') {
      this.deps.logger.warn({ roomId, profileId, desired: desired.kind }, 'media participant without a Roundtable participation; removing');
    }
    await this.deps.fork().transactional((tx) => this.deps.outbox.enqueueInTransaction(tx, [{ roomId, profileId }]));
    return true;
  }

  /** Sets `connected` unless a later change is already recorded; stage changes become room events. */
  private async recordConnection(
    roomId: string,
    profileId: string,
    connected: boolean,
    at: Date,
    mediaSid: string | null,
  ): Promise<WebhookOutcome> {
    const em = this.deps.fork();
    const rows = await em.execute<{ role: string; was_connected: boolean; changed_at: Date | null }[]>(
      `with current as (
         select id, connected, media_state_at from participants
          where room_id = ? and profile_id = ? and left_at is null for update)
       update participants p
          set connected = ?, media_state_at = ?, media_sid = coalesce(?, p.media_sid)
         from current
        where p.id = current.id
          and (current.media_state_at is null or current.media_state_at <= ?)
          -- A disconnect of an older connection (another sid) does not end the current one.
          and (? or ?::text is null or p.media_sid is null or p.media_sid = ?)
       returning p.role, current.connected as was_connected, current.media_state_at as changed_at`,
      [roomId, profileId, connected, at, connected ? mediaSid : null, at, connected, mediaSid, mediaSid],
    );
    const row = rows[0];
    if (!row) {
      const active = await em.execute<unknown[]>(`select 1 from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, profileId]);
      return active.length > 0 ? 'stale' : 'ignored';
    }
    if (row.was_connected !== connected && STAGE_ROLES.has(row.role as never)) {
      const viewer = { profileId, name: null, isStaff: false };
      await this.deps.commands.handleCommand(this.deps.fork(), viewer, roomId, { type: 'RecordMediaConnection', actorId: profileId, connected });
    }
    return 'applied';
  }

  private async execute(calls: readonly MediaCall[]): Promise<void> {
    for (const call of calls) {
      try {
        await executeMediaCall(this.deps.media, call);
      } catch (error) {
        if (error instanceof MediaControlError && !error.retryable) {
          // Retrying cannot help (credentials, a rejected request): say so once and move on.
          this.deps.logger.error({ err: error, call }, 'media call refused by the media server');
          continue;
        }
        // Expected while LiveKit is down, once per attempt: one line with the reason; the stack
        // only at debug.
        const reason = error instanceof Error ? error.message : String(error);
        this.deps.logger.warn({ method: call.method, roomId: call.roomId, reason }, 'media server unavailable; the job will be retried');
        this.deps.logger.debug({ err: error, method: call.method, roomId: call.roomId }, 'media server unavailable (stack)');
        throw error;
      }
    }
  }
}

/** `participant` with `track` among its tracks (a `track_published` may list it or not). */
function withTrack(participant: MediaParticipant, track: MediaWebhookEvent['track']): MediaParticipant {
  if (track === null || participant.tracks.some((known) => known.sid === track.sid)) return participant;
  const kind = track.source === 'microphone' || track.source === 'screen_share_audio' ? 'audio' : 'video';
  return { ...participant, tracks: [...participant.tracks, { sid: track.sid, kind, source: track.source, muted: track.muted }] };
}
