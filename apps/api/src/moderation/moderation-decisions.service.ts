import { type EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { DomainError, DomainErrorCode } from '@roundtable/domain';
import {
  fileAppeal,
  ModerationAction,
  resolveAppeal,
  resolveReports,
  ReportStatus,
  StaffOperation,
  type StoredNotice,
} from '@roundtable/moderation';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { notFound } from '../common/api-error';
import { parseUuid } from '../common/ids';
import { type EventBus, PubSubUnavailableError } from '../events/event-bus';
import type { RoomEventStream } from '../events/room-event-stream';
import { lockProfileLosingRight } from '../rooms/access/rights-loss-lock';
import { ParticipantEntity, RoomBanEntity, RoomEntity } from '../rooms/room.entity';
import type { RoomCommandHandler } from '../rooms/room-command.handler';
import { ModerationNoticeEntity, ReportEntity } from './moderation.entity';
import type { ModerationNoticeDelivery } from './moderation-notice-delivery';
import { appendAuditEntry, createNotice } from './moderation-records';
import { TRUST_AND_SAFETY_VIEWER } from './reporting.service';
import { assertStaffMayDecide, requireStaffAccess } from './staff-powers';
import type { SuspensionService } from './suspension.service';

/**
 * The one bus topic on which an account's sessions learn they must end: every instance's
 * WebSocket adapter closes that profile's sockets (one topic for all accounts, so an instance
 * holds no subscription per connected viewer).
 */
export const VIEWER_SESSIONS_TOPIC = 'viewer-sessions';

/** The message on {@link VIEWER_SESSIONS_TOPIC}. */
export interface ViewerSessionsMessage {
  readonly profileId: string;
  readonly reason: 'suspended';
}

export interface ModerationDecisionsDeps {
  readonly commands: RoomCommandHandler;
  readonly roomEvents: RoomEventStream;
  readonly bus: EventBus;
  readonly suspensions: SuspensionService;
  readonly logger: Logger;
  /** `viewerModerationNoticeChanged`: created notices and decided appeals are announced after commit. */
  readonly noticeDelivery: ModerationNoticeDelivery;
  readonly now?: () => Date;
}

export function toStoredNotice(notice: ModerationNoticeEntity): StoredNotice {
  return {
    id: notice.id,
    subjectProfileId: notice.subjectProfileId,
    action: notice.action,
    category: notice.category,
    roomId: notice.roomId,
    createdAt: notice.createdAt,
    expiresAt: notice.expiresAt,
    reportIds: notice.reportIds,
    appeal: notice.appealStatus === null ? null : { status: notice.appealStatus },
  };
}

/**
 * Staff decisions and appeals (`resolveReport`, `appealModerationDecision`, `resolveAppeal`): the
 * policy decides (`resolveReports`, `fileAppeal`, `resolveAppeal`); this service locks, writes the
 * reports, notice and audit entry in one transaction, then applies what reaches into rooms and
 * sessions through the room command pipeline and the bus.
 */
export class ModerationDecisionsService {
  private readonly now: () => Date;

  constructor(private readonly deps: ModerationDecisionsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Decides the named report and the other OPEN reports of its (room, profile) group.
   * @throws FORBIDDEN unless staff with staff powers (not suspended), and when the staff member is
   *   party to the case (its subject or one of its reporters: the staff table's NOT_PARTY_TO_CASE); NOT_FOUND;
   *   CONFLICT when already resolved or when removing the room's host (the host is protected:
   *   suspend instead); BAD_USER_INPUT (note, action).
   */
  async resolveReport(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    input: { reportId: string; action: ModerationAction; note?: string | null },
  ): Promise<ReportEntity> {
    const actor = await requireStaffAccess(em, viewer, this.deps.suspensions, StaffOperation.DecideReport);
    const reportId = parseUuid(input.reportId, 'reportId');
    const result = await em.transactional(async (tx) => {
      const named = await tx.findOne(ReportEntity, { id: reportId });
      if (!named || named.roomId === null) throw notFound('Report');
      // Lock the whole group, in id order, so two staff deciding on one pile-up serialise.
      const group = await tx.find(
        ReportEntity,
        { roomId: named.roomId, reportedProfileId: named.reportedProfileId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
      );
      // The case is the reports this decision decides (the group's OPEN ones, and the named one).
      assertStaffMayDecide(StaffOperation.DecideReport, viewer, actor, {
        subjectIds: [named.reportedProfileId],
        reporterIds: group.filter((report) => report.status === ReportStatus.Open || report.id === reportId).map((report) => report.reporterId),
      });
      const room = await tx.findOne(RoomEntity, { id: named.roomId });
      const now = this.now();
      const resolution = resolveReports({
        action: input.action,
        reportId,
        reports: group.map((report) => ({ ...report, roomId: report.roomId ?? '' })),
        note: input.note ?? null,
        staffId: viewer.profileId,
        roomTitle: room?.title ?? null,
        now,
      });
      if (resolution.roomBan && room && room.hostId === resolution.roomBan.profileId) {
        throw DomainError.conflict(
          DomainErrorCode.HostIsProtected,
          "The host cannot be removed from their own room: suspend the account, or end the room's reports another way",
        );
      }
      const decided = new Set(resolution.reportIds);
      for (const report of group) {
        if (!decided.has(report.id)) continue;
        report.status = resolution.reportStatus;
        report.resolvedAt = resolution.resolvedAt;
        report.resolvedById = viewer.profileId;
        report.action = input.action;
        report.resolutionNote = resolution.resolutionNote;
      }
      // A join of theirs being decided now is either refused by the suspension or committed
      // before `endSessions` reads their participations, and then ended (rights-loss-lock.ts).
      if (resolution.suspension) await lockProfileLosingRight(tx, resolution.suspension.profileId);
      const notice = resolution.notice ? createNotice(tx, resolution.notice) : null;
      appendAuditEntry(tx, resolution.audit);
      return { report: group.find((report) => report.id === reportId) ?? named, resolution, notice };
    });
    const { resolution } = result;
    if (result.notice) await this.deps.noticeDelivery.announce([result.notice]);
    if (resolution.roomBan) await this.removeAndBan(em, resolution.roomBan.roomId, resolution.roomBan.profileId, viewer);
    if (resolution.suspension) await this.endSessions(em, resolution.suspension.profileId);
    return result.report;
  }

  /** The affected person appeals their notice, once. Allowed while suspended. */
  async appeal(em: EntityManager, viewer: AuthenticatedViewer, input: { noticeId: string; statement: string }): Promise<ModerationNoticeEntity> {
    const noticeId = parseUuid(input.noticeId, 'noticeId');
    const appealed = await em.transactional(async (tx) => {
      const notice = await tx.findOne(
        ModerationNoticeEntity,
        { id: noticeId, subjectProfileId: viewer.profileId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!notice) throw notFound('Notice');
      const draft = fileAppeal({ notice: toStoredNotice(notice), statement: input.statement, now: this.now() });
      notice.appealStatement = draft.statement;
      notice.appealStatus = draft.status;
      notice.appealCreatedAt = draft.createdAt;
      return notice;
    });
    // The viewer's other tabs and devices show the appeal as filed.
    await this.deps.noticeDelivery.announce([appealed]);
    return appealed;
  }

  /**
   * Staff decide an OPEN appeal; a reversal ends the decision's effects at once and closes the
   * reports it rested on that are still OPEN (DISMISSED, with the reversal's note), so they never
   * count toward another automatic action.
   * @throws FORBIDDEN unless staff with staff powers, and when the staff member is party to the
   *   case (the notice's subject, or a reporter of its reports); NOT_FOUND; CONFLICT (no open appeal).
   */
  async resolveAppeal(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    input: { noticeId: string; upheld: boolean; note: string },
  ): Promise<ModerationNoticeEntity> {
    const actor = await requireStaffAccess(em, viewer, this.deps.suspensions, StaffOperation.DecideAppeal);
    const noticeId = parseUuid(input.noticeId, 'noticeId');
    const { notice, resolution } = await em.transactional(async (tx) => {
      const unlocked = await tx.findOne(ModerationNoticeEntity, { id: noticeId }, { fields: ['roomId'] });
      if (!unlocked) throw notFound('Notice');
      // The room lock `reportAbuse` takes: a report racing this reversal either lands before it
      // (the mute is still held, so it mutes nobody, and its report stays for staff) or after it
      // (filed after the reversal, it counts afresh) — never on the reversed basis.
      if (unlocked.roomId !== null) await tx.execute(`select id from rooms where id = ? for no key update`, [unlocked.roomId]);
      const notice = await tx.findOne(ModerationNoticeEntity, { id: noticeId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!notice) throw notFound('Notice');
      // Locked in id order like resolveReport, so a reversal and a decision on one pile-up serialise.
      const basis = notice.reportIds.length === 0
        ? []
        : await tx.find(ReportEntity, { id: { $in: notice.reportIds } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true });
      assertStaffMayDecide(StaffOperation.DecideAppeal, viewer, actor, { subjectIds: [notice.subjectProfileId], reporterIds: basis.map((report) => report.reporterId) });
      const resolution = resolveAppeal({
        notice: toStoredNotice(notice),
        upheld: input.upheld,
        note: input.note,
        staffId: viewer.profileId,
        now: this.now(),
      });
      notice.appealStatus = resolution.status;
      notice.appealDecidedAt = resolution.decidedAt;
      notice.appealDecisionNote = resolution.decisionNote;
      notice.expiresAt = resolution.noticeExpiresAt;
      if (resolution.liftRoomBan) await tx.nativeDelete(RoomBanEntity, resolution.liftRoomBan);
      const closing = new Set(resolution.closeReportIds);
      for (const report of basis) {
        if (!closing.has(report.id) || report.status !== ReportStatus.Open) continue;
        report.status = ReportStatus.Dismissed;
        report.resolvedAt = resolution.decidedAt;
        report.resolvedById = viewer.profileId;
        report.action = ModerationAction.Dismiss;
        report.resolutionNote = `Reversed on appeal: ${resolution.decisionNote}`;
      }
      appendAuditEntry(tx, resolution.audit);
      return { notice, resolution };
    });
    await this.deps.noticeDelivery.announce([notice]);
    // A lifted suspension or ban lets streams that were refused open again; nothing to close.
    if (resolution.liftSuspension) this.deps.logger.info({ profileId: notice.subjectProfileId }, 'suspension reversed on appeal');
    return notice;
  }

  /** REMOVE_FROM_ROOM through the room command pipeline, as the deciding staff member. */
  private async removeAndBan(em: EntityManager, roomId: string, profileId: string, staff: AuthenticatedViewer): Promise<void> {
    try {
      await this.deps.commands.handleCommand(em.fork(), { ...staff, isStaff: true }, roomId, {
        type: 'EnforceModeration',
        actorId: staff.profileId,
        targetId: profileId,
        enforcement: 'RemoveAndBan',
      });
    } catch (error) {
      // An ended room needs no removal; the decision and its notice stand.
      if (error instanceof DomainError && error.code === DomainErrorCode.RoomEnded) return;
      throw error;
    }
  }

  /**
   * A suspension ends the account's participations (each a LeaveRoom through the pipeline, so
   * the usual events go out and the media outbox removes them), ends its room event streams on
   * every instance, and asks every instance to close its sockets (`viewer-sessions:<id>`).
   */
  private async endSessions(em: EntityManager, profileId: string): Promise<void> {
    const rows = await em.fork().find(ParticipantEntity, { profileId, leftAt: null }, { fields: ['roomId'] });
    for (const row of rows) {
      try {
        await this.deps.commands.handleCommand(em.fork(), TRUST_AND_SAFETY_VIEWER, row.roomId, { type: 'LeaveRoom', actorId: profileId });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.deps.logger.info({ roomId: row.roomId, profileId, reason: error.message }, 'suspended account was no longer in the room');
      }
    }
    await this.deps.roomEvents.notifyAccessChanged(profileId);
    const message: ViewerSessionsMessage = { profileId, reason: 'suspended' };
    try {
      await this.deps.bus.publish(VIEWER_SESSIONS_TOPIC, message);
    } catch (error) {
      // While pub/sub is down other instances keep the sockets open, but every operation is still
      // authorised on its own, and each stream re-checks its access when pub/sub is back.
      const level = error instanceof PubSubUnavailableError ? 'warn' : 'error';
      this.deps.logger[level]({ err: error, profileId }, 'publishing the end of a suspended account\'s sessions failed');
    }
  }
}
