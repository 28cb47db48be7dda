import { displayedExpiresAt, distinctReportersVisibleTo, type ModerationAction, type ReportStatus, StaffOperation } from '@roundtable/moderation';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';

import { APPEAL_ID_PREFIX } from '../auth/authenticator';
import { type GraphQLContext, requireViewer } from '../common/context';
import { type Page, parseFirst } from '../common/pagination';
import { ProfileType } from '../profiles/dto/profile.type';
import { type ProfileEntity } from '../profiles/profile.entity';
import { RoomType } from '../rooms/dto/room.type';
import { type RoomEntity } from '../rooms/room.entity';
import { ModerationLogConnectionType, ModerationLogEntryType } from './dto/moderation-log-entry.type';
import {
  AppealConnectionType,
  AppealInput,
  ModerationAppealType,
  ModerationNoticeConnectionType,
  ModerationNoticeType,
  ReportEvidenceType,
  ResolveAppealInput,
} from './dto/moderation-notice.type';
import { ReportAbuseInput, ReportConnectionType, ReportStatusGql, ReportType, ResolveReportInput } from './dto/report.type';
import { type ModerationLogEntity, type ModerationNoticeEntity, type ReportEntity } from './moderation.entity';
import { moderationLoaders } from './moderation-loaders';
import { reportGroupKey } from './moderation.queries';
import { viewerMayAccessStaff } from './staff-powers';

/** Whether the staff policy lets the request's viewer read evidence (READ_EVIDENCE), asked at most once per request scope. */
const staffPowersByScope = new WeakMap<GraphQLContext['scope'], Promise<boolean>>();

function staffPowersOf(ctx: GraphQLContext): Promise<boolean> {
  let powers = staffPowersByScope.get(ctx.scope);
  if (!powers) {
    powers = viewerMayAccessStaff(ctx.scope.em, ctx.viewer ?? null, ctx.services.suspensions, StaffOperation.ReadEvidence);
    staffPowersByScope.set(ctx.scope, powers);
  }
  return powers;
}

@Resolver(() => ReportType)
export class ReportsResolver {
  @Mutation(() => ReportType)
  async reportAbuse(@Arg('input', () => ReportAbuseInput) input: ReportAbuseInput, @Ctx() ctx: GraphQLContext): Promise<ReportEntity> {
    return ctx.services.reporting.reportAbuse(ctx.scope.em, requireViewer(ctx), input, ctx.sourceKey ?? null);
  }

  @Query(() => ReportConnectionType, {
    description: 'Trust and safety staff only.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 50) * childComplexity,
  })
  async moderationQueue(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => ReportStatusGql, { defaultValue: ReportStatusGql.OPEN, nullable: true }) status: ReportStatusGql,
    @Arg('first', () => Int, { defaultValue: 50, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await ctx.services.moderationQueries.queue(
      ctx.scope.em,
      requireViewer(ctx),
      (status ?? ReportStatusGql.OPEN) as unknown as ReportStatus,
      parseFirst(first, 50),
      after,
    );
    const loaders = moderationLoaders(ctx.scope);
    for (const [key, count] of page.distinctReportersByGroup) loaders.distinctReporters.prime(key, count);
    // The queue just checked READ_QUEUE, whose row READ_EVIDENCE equals (the staff table's snapshot): the fields below need not ask again.
    staffPowersByScope.set(ctx.scope, Promise.resolve(true));
    return page;
  }

  @Mutation(() => ReportType, { description: 'Trust and safety staff only.' })
  async resolveReport(@Arg('input', () => ResolveReportInput) input: ResolveReportInput, @Ctx() ctx: GraphQLContext): Promise<ReportEntity> {
    return ctx.services.moderationDecisions.resolveReport(ctx.scope.em, requireViewer(ctx), {
      reportId: input.reportId,
      action: input.action as unknown as ModerationAction,
      note: input.note ?? null,
    });
  }

  @FieldResolver(() => RoomType)
  async room(@Root() report: ReportEntity, @Ctx() ctx: GraphQLContext): Promise<RoomEntity> {
    const room = report.roomId ? await ctx.scope.room.load(report.roomId) : null;
    if (!room) throw new Error(`report ${report.id} has no room`);
    return room;
  }

  @FieldResolver(() => ProfileType, { nullable: true })
  async reportedProfile(@Root() report: ReportEntity, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    if (!report.reportedProfileId) return null;
    // An anonymous question's asker is staff knowledge: its reporter (the only other reader) must not learn it.
    if (report.questionAnonymous && !(await staffPowersOf(ctx))) return null;
    return ctx.scope.profile.load(report.reportedProfileId);
  }

  @FieldResolver(() => ReportEvidenceType, { nullable: true, description: 'Staff only; null for everyone else.' })
  async evidence(@Root() report: ReportEntity, @Ctx() ctx: GraphQLContext) {
    if (!report.evidence || !(await staffPowersOf(ctx))) return null;
    const evidence = report.evidence;
    return {
      ...evidence,
      capturedAt: new Date(evidence.capturedAt),
      reportedJoinedAt: evidence.reportedJoinedAt ? new Date(evidence.reportedJoinedAt) : null,
      recentEvents: evidence.recentEvents.map((event) => ({ ...event, at: new Date(event.at) })),
      questionText: evidence.questionText ?? null,
      chatContext: (evidence.chatContext ?? []).map((message) => ({ ...message, at: new Date(message.at) })),
    };
  }

  @FieldResolver(() => Int, {
    description:
      'Staff: distinct reporters of the same profile in the same room, this report included. Anyone else: 1 for their own report, else 0.',
  })
  async distinctReporters(@Root() report: ReportEntity, @Ctx() ctx: GraphQLContext): Promise<number> {
    // The running count is staff knowledge: a brigade must not watch itself approach the threshold.
    const visible = distinctReportersVisibleTo({ profileId: ctx.viewer?.profileId ?? null, hasStaffPowers: await staffPowersOf(ctx) }, report);
    return visible === 'group' ? moderationLoaders(ctx.scope).distinctReporters.load(reportGroupKey(report)) : visible;
  }
}

@Resolver(() => ModerationNoticeType)
export class ModerationNoticesResolver {
  @Query(() => ModerationNoticeConnectionType, {
    description: "The viewer's own moderation notices, newest first; readable even while suspended.",
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 20) * childComplexity,
  })
  async viewerModerationNotices(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<ModerationNoticeEntity>> {
    return ctx.services.moderationQueries.viewerNotices(ctx.scope.em, requireViewer(ctx), parseFirst(first, 20), after);
  }

  @Query(() => AppealConnectionType, {
    description: 'Staff only: notices with an OPEN appeal, oldest first.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 50) * childComplexity,
  })
  async moderationAppeals(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<ModerationNoticeEntity>> {
    return ctx.services.moderationQueries.openAppeals(ctx.scope.em, requireViewer(ctx), parseFirst(first, 50), after);
  }

  @Mutation(() => ModerationNoticeType, { description: 'Appeal a decision that affects the viewer; one appeal per notice. Allowed while suspended.' })
  async appealModerationDecision(@Arg('input', () => AppealInput) input: AppealInput, @Ctx() ctx: GraphQLContext): Promise<ModerationNoticeEntity> {
    return ctx.services.moderationDecisions.appeal(ctx.scope.em, requireViewer(ctx), input);
  }

  @Mutation(() => ModerationNoticeType, { description: 'Staff only.' })
  async resolveAppeal(@Arg('input', () => ResolveAppealInput) input: ResolveAppealInput, @Ctx() ctx: GraphQLContext): Promise<ModerationNoticeEntity> {
    return ctx.services.moderationDecisions.resolveAppeal(ctx.scope.em, requireViewer(ctx), input);
  }

  @Subscription(() => ModerationNoticeType, {
    description:
      "The viewer's moderation notices as they are created or change (an appeal decided); null-free: each is the notice as the viewer may read it now.",
    // Sign-in required (UNAUTHENTICATED otherwise); only the viewer's own notices are delivered.
    subscribe: ({ context }: { context: GraphQLContext }) => context.services.moderationNoticeDelivery.open(requireViewer(context).profileId, context.signal),
  })
  viewerModerationNoticeChanged(@Root() notice: ModerationNoticeEntity, @Ctx() ctx: GraphQLContext): ModerationNoticeEntity {
    // Each event reads through a fresh EntityManager and fresh loaders.
    ctx.renewScope();
    return notice;
  }

  @FieldResolver(() => RoomType, { nullable: true })
  async room(@Root() notice: ModerationNoticeEntity, @Ctx() ctx: GraphQLContext): Promise<RoomEntity | null> {
    return notice.roomId ? ctx.scope.room.load(notice.roomId) : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Set while the decision is in force and has an end; null when it has none or is over.' })
  expiresAt(@Root() notice: ModerationNoticeEntity): Date | null {
    return displayedExpiresAt(
      { createdAt: notice.createdAt, expiresAt: notice.expiresAt, appeal: notice.appealStatus ? { status: notice.appealStatus } : null },
      new Date(),
    );
  }

  @FieldResolver(() => ModerationAppealType, { nullable: true })
  appeal(@Root() notice: ModerationNoticeEntity): ModerationAppealNode | null {
    return appealOf(notice);
  }
}

/** A notice's appeal as a `Node` value (`node(id:)` resolves it by its class). */
export class ModerationAppealNode {
  constructor(
    readonly id: string,
    readonly statement: string,
    readonly status: string,
    readonly createdAt: Date,
    readonly decidedAt: Date | null,
    readonly decisionNote: string | null,
  ) {}
}

/** The appeal id's prefix: an appeal belongs to its notice (one per notice), so its id derives from it. */
export { APPEAL_ID_PREFIX };

/** The notice's appeal, or null when none was made. */
export function appealOf(notice: ModerationNoticeEntity): ModerationAppealNode | null {
  if (notice.appealStatus === null || notice.appealStatement === null || notice.appealCreatedAt === null) return null;
  return new ModerationAppealNode(
    `${APPEAL_ID_PREFIX}${notice.id}`,
    notice.appealStatement,
    notice.appealStatus,
    notice.appealCreatedAt,
    notice.appealDecidedAt,
    notice.appealDecisionNote,
  );
}

@Resolver(() => ModerationLogEntryType)
export class ModerationLogResolver {
  @Query(() => ModerationLogConnectionType, {
    description: 'Staff only: every moderation action, newest first.',
    complexity: ({ childComplexity, args }) => 5 + Number(args['first'] ?? 50) * childComplexity,
  })
  async moderationLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, nullable: true }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Page<ModerationLogEntity>> {
    return ctx.services.moderationQueries.log(ctx.scope.em, requireViewer(ctx), parseFirst(first, 50), after);
  }

  @FieldResolver(() => ProfileType, { nullable: true, description: 'Who acted; null for an automatic action.' })
  async actor(@Root() entry: ModerationLogEntity, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return entry.actorId ? ctx.scope.profile.load(entry.actorId) : null;
  }

  @FieldResolver(() => ProfileType, { nullable: true })
  async subject(@Root() entry: ModerationLogEntity, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity | null> {
    return entry.subjectProfileId ? ctx.scope.profile.load(entry.subjectProfileId) : null;
  }

  @FieldResolver(() => RoomType, { nullable: true })
  async room(@Root() entry: ModerationLogEntity, @Ctx() ctx: GraphQLContext): Promise<RoomEntity | null> {
    return entry.roomId ? ctx.scope.room.load(entry.roomId) : null;
  }
}

@Resolver(() => ProfileType)
export class BlocksResolver {
  @Mutation(() => ProfileType, { description: 'The viewer blocks a profile: it cannot join rooms the viewer hosts, and their rooms leave the viewer\'s lists.' })
  async block(@Arg('profileId', () => ID) profileId: string, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity> {
    return ctx.services.blocks.block(ctx.scope.em, requireViewer(ctx), profileId);
  }

  @Mutation(() => ProfileType)
  async unblock(@Arg('profileId', () => ID) profileId: string, @Ctx() ctx: GraphQLContext): Promise<ProfileEntity> {
    return ctx.services.blocks.unblock(ctx.scope.em, requireViewer(ctx), profileId);
  }

  @FieldResolver(() => Boolean, { description: 'True when the viewer has blocked this profile.' })
  async viewerBlocks(@Root() profile: ProfileEntity, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.viewer ? moderationLoaders(ctx.scope).viewerBlocks.load(profile.id) : false;
  }
}

export const MODERATION_RESOLVERS = [ReportsResolver, ModerationNoticesResolver, ModerationLogResolver, BlocksResolver] as const;
