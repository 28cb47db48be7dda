import type { MediaControl } from '@roundtable/audio';
import { DomainError, RoomStatus, RoomVisibility } from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import type { AppConfig } from '../config/config';
import type { Database } from '../database/orm';
import { ConversationTicks } from '../conversation/conversation-ticks';
import { reactionRateLimit, ReactionsService } from '../conversation/reactions.service';
import { ReactionTally } from '../conversation/reaction-tally';
import { InsightsService } from '../insights/insights.service';
import type { EventBus } from '../events/event-bus';
import { RoomEventStream } from '../events/room-event-stream';
import { GroupsService } from '../groups/groups.service';
import { MediaAccessService } from '../media/media-access.service';
import { MediaControlProjection } from '../media/media-control.projection';
import type { MediaOutbox } from '../media/media-outbox';
import { MediaSync } from '../media/media-sync.worker';
import type { ApiMetrics } from '../observability/metrics';
import { BlocksService } from '../moderation/blocks.service';
import { moderationCommandGuards } from '../moderation/moderation-command-guards';
import { ModerationDecisionsService } from '../moderation/moderation-decisions.service';
import { ModerationQueries } from '../moderation/moderation.queries';
import { reportRateLimit } from '../moderation/report-rate-limit';
import type { PerAccountLimit, PerAccountLimiter } from '../admission/per-account-limiter';
import { QuestionChain } from '../questions/question-chain';
import { ChatService } from '../conversation/chat.service';
import { CalendarLinks } from '../calendar/calendar-links';
import { CalendarService } from '../calendar/calendar.service';
import { ReportingService, TRUST_AND_SAFETY_VIEWER } from '../moderation/reporting.service';
import { SuspensionService } from '../moderation/suspension.service';
import { TextScreeningService } from '../moderation/text-screening.service';
import { ProfilesService } from '../profiles/profiles.service';
import { NotificationDelivery } from '../notifications/notification-delivery';
import { ModerationNoticeDelivery } from '../moderation/moderation-notice-delivery';
import { NotificationFanout } from '../notifications/notification-fanout';
import { NotificationsProjection, NotificationsService } from '../notifications/notifications.service';
import { EngagementProjection } from '../recommendations/engagement.projection';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { RecommendationControlsService } from '../recommendations/recommendation-controls.service';
import { RankingTransparencyService } from '../recommendations/ranking-transparency.service';
import { ParticipantRowsProjection } from '../rooms/projections/participant-rows.projection';
import { RoomCountersProjection } from '../rooms/projections/room-counters.projection';
import { RoomEventLogProjection } from '../rooms/projections/room-event-log.projection';
import { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import { RoomCommandHandler } from '../rooms/room-command.handler';
import { RoomCreationService } from '../rooms/room-creation.service';
import { RoomQueries } from '../rooms/room.queries';
import { RoomRepository } from '../rooms/room.repository';
import { StaffDirectory } from '../staff/staff-directory';
import { listStaffRoles } from '../staff/staff-roles';

/** The services resolvers call; each owns its use cases and transactions. */
export interface Services {
  readonly profiles: ProfilesService;
  readonly groups: GroupsService;
  readonly roomCreation: RoomCreationService;
  /** The room command pipeline: lock → decide → projections → commit → effects. */
  readonly roomCommands: RoomCommandHandler;
  readonly roomQueries: RoomQueries;
  /** The one room access policy every room check asks (`rooms/access`). */
  readonly access: RoomAccessPolicy;
  readonly roomEvents: RoomEventStream;
  readonly media: MediaAccessService;
  /** Drains the media outbox, reconciles LIVE rooms, records LiveKit webhooks. */
  readonly mediaSync: MediaSync;
  readonly recommendations: RecommendationsService;
  /** Feed mode and "Not interested" (issue 19). */
  readonly recommendationControls: RecommendationControlsService;
  /** `rankingTransparency`: the served model's parameters, from the recommender, cached. */
  readonly rankingTransparency: RankingTransparencyService;
  // --- trust and safety (issue 8) ---
  readonly reporting: ReportingService;
  readonly moderationDecisions: ModerationDecisionsService;
  readonly moderationQueries: ModerationQueries;
  readonly suspensions: SuspensionService;
  readonly blocks: BlocksService;
  readonly screening: TextScreeningService;
  /** The room chat: sending and deleting messages (issue 17). */
  readonly chat: ChatService;
  /** Questions per account per minute (QUESTIONS_PER_MINUTE) in the question queue. */
  readonly questionRateLimiter: PerAccountLimiter;
  /** This instance's copy of the staff_roles record: the only source of staff rights (issue 14). */
  readonly staff: StaffDirectory;
  // --- the room conversation's lossy channel (issue 17) ---
  /**
   * Where producers record chat messages, deletions, reactions and vote counts after their commit
   * (`record`, a `ConversationFeed`), and where `roomConversation` streams open: ticks, not frames.
   */
  readonly conversation: ConversationTicks;
  /** `react`: counted into the next tick, dropped beyond REACTIONS_PER_10S. */
  readonly reactions: ReactionsService;
  /** The durable reaction counts per room and kind, flushed every conversation tick interval (issue 19). */
  readonly reactionTally: ReactionTally;
  /** Host insights (issue 19): the refresh jobs and `Room.insights`. */
  readonly insights: InsightsService;
  // --- reminders and notifications (issue 18) ---
  /** Reminders, follow levels, the notification list, reschedule and cancel. */
  readonly notifications: NotificationsService;
  /** Writes notifications in batches from jobs (`notification-fanout`, `room-reminder`). */
  readonly notificationFanout: NotificationFanout;
  /** `viewerNotificationAdded`: one bus topic, each instance's subscribers get their own rows. */
  readonly notificationDelivery: NotificationDelivery;
  /** `viewerModerationNoticeChanged`: one bus topic, each instance's subscribers get their own notices. */
  readonly moderationNoticeDelivery: ModerationNoticeDelivery;
  /** Calendars (issue 18): rooms' iCalendar events, private feeds and their URLs. */
  readonly calendar: CalendarService;
}

export interface ServiceDeps {
  readonly config: AppConfig;
  readonly db: Database;
  readonly bus: EventBus;
  readonly audio: MediaControl;
  readonly outbox: MediaOutbox;
  readonly logger: Logger;
  readonly metrics: ApiMetrics;
  /** This process's own origin (http://host:port), once it listens: absolute links without PUBLIC_URL. */
  readonly selfOrigin?: () => string;
  /** Builds each per-account limit where the budgets are counted (`RateLimits.perAccount`: Redis when there is one). */
  readonly perAccount: (limit: PerAccountLimit) => PerAccountLimiter;
}

/** Wires every service once per API instance. */
export function createServices({ config, db, bus, audio, outbox, logger, metrics, selfOrigin, perAccount }: ServiceDeps): Services {
  const suspensions = new SuspensionService();
  const access = new RoomAccessPolicy();
  // A block ends the blocked person's sessions in the blocker's live rooms (wired below, once the
  // command pipeline and the streams exist).
  const blocks = new BlocksService((blocker, blockedId, liveRoomIds) => endBlockedSessions(blocker, blockedId, liveRoomIds));
  const screening = new TextScreeningService();
  const repository = new RoomRepository();
  const notificationFanout = new NotificationFanout({ outbox, fork: () => db.orm.em.fork(), settings: config.notifications, logger });
  const notificationDelivery = new NotificationDelivery({ bus, fork: () => db.orm.em.fork(), logger });
  notificationFanout.deliverTo(notificationDelivery);
  const moderationNoticeDelivery = new ModerationNoticeDelivery({ bus, fork: () => db.orm.em.fork(), logger });
  const roomEvents = new RoomEventStream({
    bus,
    fork: () => db.orm.em.fork(),
    logger,
    audienceCoalesceMs: config.live.audienceCoalesceMs,
    access,
  });
  const roomCommands = new RoomCommandHandler({
    repository,
    access,
    guards: moderationCommandGuards(),
    // The question queue: a raised hand with a question is a question, in the same version chain.
    followUps: [new QuestionChain()],
    // Engagement reads the join times of rows the participant projection closes; the event log
    // needs the row ids the participant projection creates; media jobs commit with the command.
    projections: [
      new EngagementProjection(),
      new RoomCountersProjection(),
      new ParticipantRowsProjection(),
      new RoomEventLogProjection(),
      new MediaControlProjection(() => outbox),
      new NotificationsProjection(() => notificationFanout),
    ],
    effects: [
      { name: 'publish room events', run: (outcome) => roomEvents.publish(outcome.room.id, outcome.messages) },
      // A start or a cancel enqueued a fan-out: this instance's worker takes it now, not at its next poll.
      { name: 'wake the notification fan-out', run: async () => notificationFanout.wake() },
    ],
    logger,
  });
  const staff = new StaffDirectory({
    read: () => listStaffRoles(db.orm.em.fork(), undefined, { periodic: true }),
    refreshMs: config.staffRolesRefreshMs,
    // A withdrawn role ends the room streams it alone allowed, on this instance's open sockets.
    onChange: (profileIds) => {
      for (const profileId of profileIds) void roomEvents.notifyAccessChanged(profileId);
    },
    logger,
  });
  /**
   * The blocked person leaves each live room the blocker hosts (RemoveParticipant by the host, no
   * ban: hand, stage place and media go with the usual events and media jobs), then every open
   * stream of theirs re-checks WATCH, which the block now refuses (NOT_BLOCKED_BY_HOST).
   */
  async function endBlockedSessions(blocker: AuthenticatedViewer, blockedId: string, liveRoomIds: readonly string[]): Promise<void> {
    for (const roomId of liveRoomIds) {
      try {
        await roomCommands.handleCommand(db.orm.em.fork(), blocker, roomId, { type: 'RemoveParticipant', actorId: blocker.profileId, targetId: blockedId, ban: false });
      } catch (error) {
        // They left, or the room ended, since the block committed: nothing is left to end there.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    await roomEvents.notifyAccessChanged(blockedId);
  }

  /**
   * Someone who left a group no longer belongs to its GROUP rooms (the policy's BELONGS, which
   * LISTEN_MEDIA needs): they leave each LIVE one they are in, hosts excepted (LeaveRoom through
   * the pipeline, so hand, stage place and media go with the usual events, media revocation and
   * jobs), then every open stream of theirs re-checks WATCH.
   */
  async function endGroupSessions(profileId: string, groupId: string): Promise<void> {
    const rows = await db.orm.em.fork().execute<{ room_id: string }[]>(
      `select p.room_id from participants p join rooms r on r.id = p.room_id
        where p.profile_id = ? and p.left_at is null and r.group_id = ? and r.visibility = ? and r.status = ? and r.host_id <> ?`,
      [profileId, groupId, RoomVisibility.Group, RoomStatus.Live, profileId],
    );
    for (const { room_id: roomId } of rows) {
      try {
        // Issued by the system, as a suspension's LeaveRoom is: the room is no longer visible to
        // the person who left the group, so their own viewer would be refused ROOM_NOT_FOUND.
        await roomCommands.handleCommand(db.orm.em.fork(), TRUST_AND_SAFETY_VIEWER, roomId, { type: 'LeaveRoom', actorId: profileId });
      } catch (error) {
        // They left, or the room ended, since the query: nothing is left to end there.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    await roomEvents.notifyAccessChanged(profileId);
  }

  const conversation = new ConversationTicks({
    bus,
    fork: () => db.orm.em.fork(),
    readAside: (sql, params) => db.readAside(sql, params),
    logger,
    access,
    settings: {
      tickMs: config.conversation.tickMs,
      sampleAboveListeners: config.conversation.sampleAboveListeners,
      sampleMessages: config.conversation.sampleMessages,
      sampleBuckets: config.conversation.sampleBuckets,
    },
    onTickWritten: (seconds) => metrics.conversationTickWritten.observe(seconds),
  });

  const reactionTally = new ReactionTally({ fork: () => db.orm.em.fork(), logger, flushMs: config.conversation.tickMs });
  const notifications = new NotificationsService({ access, fanout: notificationFanout, commands: () => roomCommands });

  const rankingTransparency = new RankingTransparencyService({ recommenderUrl: config.recommender.url, timeoutMs: config.recommender.timeoutMs }, logger);
  return {
    notifications,
    notificationFanout,
    notificationDelivery,
    moderationNoticeDelivery,
    profiles: new ProfilesService(screening),
    groups: new GroupsService({ onMemberLeft: endGroupSessions, screening }),
    roomCreation: new RoomCreationService(
      undefined,
      { screening, suspensions },
      (tx, room) => notifications.roomCreated(tx, room),
      () => notificationFanout.wake(),
    ),
    roomCommands,
    roomQueries: new RoomQueries(),
    access,
    roomEvents,
    media: new MediaAccessService(audio, access),
    mediaSync: new MediaSync({ media: audio, outbox, fork: () => db.orm.em.fork(), commands: roomCommands, logger, metrics }),
    recommendations: new RecommendationsService(
      {
        recommenderUrl: config.recommender.url,
        timeoutMs: config.recommender.timeoutMs,
        maxCandidates: config.recommender.maxCandidates,
        exploration: config.recommender.exploration,
      },
      logger,
      (modelVersion) => rankingTransparency.servedModel(modelVersion),
    ),
    recommendationControls: new RecommendationControlsService(),
    rankingTransparency,
    reporting: new ReportingService({
      repository,
      commands: roomCommands,
      access,
      rateLimiter: perAccount(reportRateLimit(config.moderation.reportsPerWindow, config.moderation.reportWindowMs)),
      autoMute: config.moderation.autoMute,
      reportSubjectLeftWithinSeconds: config.moderation.reportSubjectLeftWithinSeconds,
      logger,
      noticeDelivery: moderationNoticeDelivery,
    }),
    moderationDecisions: new ModerationDecisionsService({ commands: roomCommands, roomEvents, bus, suspensions, logger, noticeDelivery: moderationNoticeDelivery }),
    moderationQueries: new ModerationQueries(suspensions),
    suspensions,
    blocks,
    screening,
    chat: new ChatService({
      access,
      screening,
      listenerRate: perAccount({
        name: 'chat-listeners',
        points: config.chat.listenerMessagesPer30s,
        windowMs: 30_000,
        refusal: (seconds) => `You are writing faster than the chat allows: try again in ${seconds} s`,
      }),
      stageRate: perAccount({
        name: 'chat-stage',
        points: config.chat.stageMessagesPer30s,
        windowMs: 30_000,
        refusal: (seconds) => `You are writing faster than the chat allows: try again in ${seconds} s`,
      }),
      feed: () => conversation,
    }),
    questionRateLimiter: perAccount({
      name: 'questions',
      points: config.questions.perMinute,
      windowMs: 60_000,
      refusal: (seconds) => `You can ask another question in ${seconds} s`,
    }),
    staff,
    conversation,
    reactions: new ReactionsService({ access, feed: conversation, limiter: perAccount(reactionRateLimit(config.conversation.reactionsPer10s)), tally: reactionTally }),
    reactionTally,
    insights: new InsightsService({ access, fork: () => db.orm.em.fork(), queue: () => outbox, logger, settings: config.insights }),
    calendar: new CalendarService(
      new CalendarLinks(config.calendar.secret, () => config.calendar.publicUrl ?? (selfOrigin?.() || `http://localhost:${config.port}`)),
      config.calendar.defaultDurationMinutes,
    ),
  };
}
