import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, questionViewerOf, questionVisibleTo, type RoomRelation, RoomOperation, TRUST_AND_SAFETY_ACTOR_ID } from '@roundtable/domain';
import {
  autoMuteOutcome,
  type AutoMuteSettings,
  checkReportEligibility,
  decideAutoMute,
  isReportableSubject,
  ModerationError,
  presenceSecondsAt,
  type ReportOnParticipant,
  ReportStatus,
} from '@roundtable/moderation';
import type { Logger } from 'pino';

import type { PerAccountLimiter } from '../admission/per-account-limiter';
import type { AuthenticatedViewer } from '../auth/authenticator';
import { notFound } from '../common/api-error';
import { parseProfileId, parseUuid } from '../common/ids';
import { findChatMessage, type StoredChatMessage } from '../conversation/chat.store';
import { ProfileEntity } from '../profiles/profile.entity';
import { ParticipantEntity } from '../rooms/room.entity';
import type { RoomCommandHandler } from '../rooms/room-command.handler';
import type { RoomRepository } from '../rooms/room.repository';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import { ReportEntity } from './moderation.entity';
import type { ModerationNoticeDelivery } from './moderation-notice-delivery';
import { appendAuditEntry, createNotice } from './moderation-records';
import { captureEvidence, type ReportedItemEvidence } from './report-evidence';
import { chatContextEvidence } from './reported-chat-message';
import { findReportedQuestion, type ReportedQuestion } from './reported-question';
import { hasActiveStageHold, lastAutoMuteReversal } from './stage-holds';

/** The viewer trust and safety acts as in the room command pipeline (sees every room). */
export const TRUST_AND_SAFETY_VIEWER: AuthenticatedViewer = { profileId: TRUST_AND_SAFETY_ACTOR_ID, name: null, isStaff: true };

export interface ReportAbuseRequest {
  readonly roomId: string;
  readonly profileId?: string | null;
  readonly category: string;
  readonly details?: string | null;
  /** The question reported (its asker is the reported profile); not with `profileId`. */
  readonly questionId?: string | null;
  /** The chat message reported (its author is the reported profile); not with `profileId` nor `questionId`. */
  readonly chatMessageId?: string | null;
}

export interface ReportingDeps {
  readonly repository: RoomRepository;
  readonly commands: RoomCommandHandler;
  /** The room access policy: REPORT (the room is visible; the reporter is not suspended). */
  readonly access: RoomAccessPolicy;
  /** Reports per reporter (`reportRateLimit`). */
  readonly rateLimiter: PerAccountLimiter;
  readonly autoMute: AutoMuteSettings;
  /** `REPORT_SUBJECT_LEFT_WITHIN_SECONDS`: how long after leaving a room a person may still be reported in it. */
  readonly reportSubjectLeftWithinSeconds: number;
  readonly logger: Logger;
  /** `viewerModerationNoticeChanged`: an automatic mute's notice is announced after commit. */
  readonly noticeDelivery: ModerationNoticeDelivery;
  readonly now?: () => Date;
}

/**
 * `reportAbuse`: eligibility (`checkReportEligibility`, and `isReportableSubject` for the person
 * named), the evidence snapshot, the reporter's standing and the report in one transaction on the
 * locked room row, then the automatic mute on a pile-up (`decideAutoMute`), whose notice and
 * audit entry commit with the report and whose mute (no role change) runs through the room
 * command pipeline right after.
 *
 * A report on a question (`questionId`, issue 16) names the question's asker, anonymous or not;
 * the question must be one the reporter may see in the room (`questionVisibleTo`), and its text is
 * kept in the evidence. It is deduplicated per question, apart from reports on people, and never
 * counts toward the automatic mute: that valve is for abuse spoken on stage, and a mute right
 * after reports on an anonymous question would show the reporters who asked it.
 *
 * A report on a chat message (`chatMessageId`, issue 17) names the message's author; the message
 * must be in a room whose chat the reporter may read (`READ_CHAT`), also once deleted (staff need
 * what it said). The message and up to 10 messages on each side are kept in the evidence as they
 * were when reported (`chatContext`, deleted ones with their text). It is deduplicated per
 * message, apart from reports on people, and never counts toward the automatic mute either: the
 * mute silences a voice on stage, and a written message is answered by deleting it and by staff,
 * not by taking a speaker's audio (a listener has none to take).
 */
export class ReportingService {
  private readonly now: () => Date;

  constructor(private readonly deps: ReportingDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * @param sourceKey where the request came from (e.g. a hash of the client's network), so many
   *   accounts from one place count as one reporter for the automatic mute; null when unknown.
   * @throws FORBIDDEN when suspended or not in the room; RATE_LIMITED; BAD_USER_INPUT (self-report,
   *   one's own question or message, bad ids, profileId with questionId or chatMessageId, questionId
   *   with chatMessageId, category, details, a question or message the reporter may see but in
   *   another room than `roomId`); NOT_FOUND (room; a profile that is unknown, or neither in the
   *   room nor gone from it within `reportSubjectLeftWithinSeconds`; a question or message that is
   *   unknown or that the reporter may not see: one answer for all, so no existence oracle);
   *   CONFLICT (an open report already).
   */
  async reportAbuse(em: EntityManager, viewer: AuthenticatedViewer, request: ReportAbuseRequest, sourceKey: string | null = null): Promise<ReportEntity> {
    const roomId = parseUuid(request.roomId, 'roomId');
    const reportedProfileId = request.profileId ? parseProfileId(request.profileId, 'profileId') : null;
    const questionId = request.questionId ? parseUuid(request.questionId, 'questionId') : null;
    const chatMessageId = request.chatMessageId ? parseUuid(request.chatMessageId, 'chatMessageId') : null;
    if (questionId !== null && reportedProfileId !== null) {
      // The question names its asker; accepting a profileId too would let a reporter test who asked an anonymous question.
      throw DomainError.invalidInput('questionId', 'Report a person or a question, not both: leave the person out when reporting a question');
    }
    if (chatMessageId !== null && (reportedProfileId !== null || questionId !== null)) {
      // The message names its author: one subject per report, as for a question.
      throw DomainError.invalidInput(
        'chatMessageId',
        questionId !== null ? 'Report a question or a chat message, not both' : 'Report a person or a chat message, not both: leave the person out when reporting a message',
      );
    }
    await this.deps.rateLimiter.consume(viewer.profileId);
    const { report, enforce, notice } = await em.transactional(async (tx) => {
      // The room lock serialises reports on a room, so two reports completing a pile-up
      // together cannot both act on it.
      const room = await this.deps.repository.lockRoom(tx, roomId);
      if (!room) throw notFound('Room');
      const { relation, suspendedUntil } = (await this.deps.access.relationTo(tx, viewer, roomId)) ?? { relation: null, suspendedUntil: null };
      if (!relation) throw notFound('Room');
      this.deps.access.assert(RoomOperation.Report, relation, suspendedUntil);
      const now = this.now();
      // One after another: a transaction is one connection.
      const question = questionId === null ? null : await this.visibleQuestion(tx, viewer, roomId, relation, questionId);
      const message = chatMessageId === null ? null : await this.readableChatMessage(tx, viewer, roomId, relation, chatMessageId);
      const participations = await tx.find(ParticipantEntity, { roomId, profileId: viewer.profileId }, { orderBy: { joinedAt: 'desc' }, limit: 1 });
      const openReports = await tx.find(
        ReportEntity,
        { reporterId: viewer.profileId, roomId, status: ReportStatus.Open },
        { fields: ['reportedProfileId', 'questionId', 'chatMessageId'] },
      );
      const latest = participations[0];
      const eligible = checkReportEligibility(
        {
          reporterId: viewer.profileId,
          roomId,
          reportedProfileId: question ? question.askerId : message ? message.authorId : reportedProfileId,
          category: request.category,
          details: request.details ?? null,
          questionId,
          chatMessageId,
        },
        {
          reporterParticipation: latest ? { leftAt: latest.leftAt } : null,
          reporterOpenReportTargets: openReports.filter((open) => open.questionId === null && open.chatMessageId === null).map((open) => open.reportedProfileId),
          reporterOpenQuestionTargets: openReports.flatMap((open) => (open.questionId === null ? [] : [open.questionId])),
          reporterOpenChatMessageTargets: openReports.flatMap((open) => (open.chatMessageId === null ? [] : [open.chatMessageId])),
        },
        now,
      );
      // A question or a message stays in the room after its author leaves: seeing it is what makes it reportable.
      if (eligible.reportedProfileId !== null && question === null && message === null) {
        const subjectStays = await tx.find(
          ParticipantEntity,
          { roomId, profileId: eligible.reportedProfileId },
          { orderBy: { joinedAt: 'desc' }, limit: 1 },
        );
        // Unknown, never here, or gone too long: one answer (same code, same message) for all.
        if (!isReportableSubject(subjectStays[0] ?? null, now, this.deps.reportSubjectLeftWithinSeconds)) throw notFound('Profile');
      }
      const reporterProfile = await tx.findOne(ProfileEntity, { id: viewer.profileId });
      const item: ReportedItemEvidence = message
        ? { chatContext: await chatContextEvidence(tx, message) }
        : { questionText: question?.text ?? null };
      const report = tx.create(ReportEntity, {
        id: randomUUID(),
        roomId,
        reporterId: viewer.profileId,
        reportedProfileId: eligible.reportedProfileId,
        category: eligible.category,
        details: eligible.details,
        status: ReportStatus.Open,
        sourceKey,
        questionId: eligible.questionId,
        questionAnonymous: question?.anonymous ?? false,
        chatMessageId: eligible.chatMessageId,
        evidence: await captureEvidence(tx, room, viewer.profileId, eligible.reportedProfileId, now, item),
        // latest is set: checkReportEligibility refused a reporter never in the room.
        reporterPresenceSeconds: latest ? presenceSecondsAt(latest, now) : null,
        reporterAccountCreatedAt: reporterProfile?.createdAt ?? null,
        createdAt: now,
      });
      await tx.flush();
      if (eligible.reportedProfileId === null || eligible.questionId !== null || eligible.chatMessageId !== null) return { report, enforce: null, notice: null };
      const subject = eligible.reportedProfileId;
      const onSubject = await tx.find(ReportEntity, {
        roomId,
        reportedProfileId: subject,
        reporterId: { $ne: null },
        status: ReportStatus.Open,
        questionId: null,
        chatMessageId: null,
      });
      const subjectRow = await tx.findOne(ParticipantEntity, { roomId, profileId: subject, leftAt: null });
      const reports: ReportOnParticipant[] = onSubject.map((row) => ({
        id: row.id,
        reporterId: row.reporterId ?? '',
        category: row.category,
        createdAt: row.createdAt,
        status: row.status,
        sourceKey: row.sourceKey,
        reporterStanding: { presenceSeconds: row.reporterPresenceSeconds, accountCreatedAt: row.reporterAccountCreatedAt },
      }));
      const decision = decideAutoMute({
        reports,
        reportedRole: subjectRow?.role ?? null,
        now,
        lastReversalAt: await lastAutoMuteReversal(tx, roomId, subject),
        settings: this.deps.autoMute,
      });
      // The host is protected by the room rules (HostIsProtected): a pile-up on the host takes no
      // stage action; the reports wait in the queue, where severity × reporters ranks them.
      if (!decision.trigger || subject === room.hostId || (await hasActiveStageHold(tx, roomId, subject))) {
        return { report, enforce: null, notice: null };
      }
      const outcome = autoMuteOutcome({ decision, reports, subjectProfileId: subject, roomId, roomTitle: room.title, now });
      const notice = createNotice(tx, outcome.notice);
      appendAuditEntry(tx, outcome.audit);
      return { report, enforce: subject, notice };
    });
    if (notice) await this.deps.noticeDelivery.announce([notice]);
    if (enforce !== null) await this.muteOnStage(em, roomId, enforce);
    return report;
  }

  /**
   * The question a report names, when the reporter may see it in `roomId` (`questionVisibleTo`).
   * A question of another room is BAD_USER_INPUT only for a reporter who may see it there (one
   * more statement, on that path alone); to anyone else it does not exist.
   * @throws NOT_FOUND (unknown or not visible, one answer); BAD_USER_INPUT (field roomId).
   */
  private async visibleQuestion(
    tx: EntityManager,
    viewer: AuthenticatedViewer,
    roomId: string,
    relation: RoomRelation,
    questionId: string,
  ): Promise<ReportedQuestion> {
    const question = await findReportedQuestion(tx, questionId);
    if (!question) throw notFound('Question');
    if (question.roomId === roomId) {
      if (!questionVisibleTo(question, questionViewerOf(viewer.profileId, relation))) throw notFound('Question');
      return question;
    }
    const there = await this.deps.access.relationTo(tx, viewer, question.roomId, 'questionId');
    if (there && this.deps.access.decide(RoomOperation.See, there.relation).allowed && questionVisibleTo(question, questionViewerOf(viewer.profileId, there.relation))) {
      throw DomainError.invalidInput('roomId', 'This question was asked in another room: report it from that room');
    }
    throw notFound('Question');
  }

  /**
   * The chat message a report names, when the reporter may read the chat of its room (`READ_CHAT`),
   * deleted or not. A message of another room is BAD_USER_INPUT only for a reporter who may read
   * that room's chat (one more statement, on that path alone); to anyone else it does not exist.
   * @throws NOT_FOUND (unknown or not readable, one answer); BAD_USER_INPUT (field roomId).
   */
  private async readableChatMessage(
    tx: EntityManager,
    viewer: AuthenticatedViewer,
    roomId: string,
    relation: RoomRelation,
    messageId: string,
  ): Promise<StoredChatMessage> {
    const message = await findChatMessage(tx, messageId);
    if (!message) throw notFound('Message');
    if (message.roomId === roomId) {
      if (!this.deps.access.decide(RoomOperation.ReadChat, relation).allowed) throw notFound('Message');
      return message;
    }
    const there = await this.deps.access.relationTo(tx, viewer, message.roomId, 'chatMessageId');
    if (there && this.deps.access.decide(RoomOperation.ReadChat, there.relation).allowed) {
      throw DomainError.invalidInput('roomId', 'This message was written in another room: report it from that room');
    }
    throw notFound('Message');
  }

  /**
   * Runs the automatic mute through the room command pipeline (events, projections, media outbox).
   * It changes no role: a cheap signal must never cost a speaker or moderator their place.
   */
  private async muteOnStage(em: EntityManager, roomId: string, profileId: string): Promise<void> {
    try {
      await this.deps.commands.handleCommand(em.fork(), TRUST_AND_SAFETY_VIEWER, roomId, {
        type: 'EnforceModeration',
        actorId: TRUST_AND_SAFETY_ACTOR_ID,
        targetId: profileId,
        enforcement: 'Mute',
      });
    } catch (error) {
      // They stepped off the stage or left meanwhile: the held mute still keeps them off it.
      if (error instanceof DomainError || error instanceof ModerationError) {
        this.deps.logger.info({ roomId, profileId, reason: error.message }, 'automatic mute found nothing to do');
        return;
      }
      throw error;
    }
  }
}
