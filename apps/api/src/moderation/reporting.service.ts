import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { DomainError, RoomOperation, TRUST_AND_SAFETY_ACTOR_ID } from '@roundtable/domain';
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

import type { AuthenticatedViewer } from '../auth/authenticator';
import { notFound } from '../common/api-error';
import { parseProfileId, parseUuid } from '../common/ids';
import { ProfileEntity } from '../profiles/profile.entity';
import { ParticipantEntity } from '../rooms/room.entity';
import type { RoomCommandHandler } from '../rooms/room-command.handler';
import type { RoomRepository } from '../rooms/room.repository';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import { ReportEntity } from './moderation.entity';
import { appendAuditEntry, createNotice } from './moderation-records';
import { captureEvidence } from './report-evidence';
import type { ReportRateLimiter } from './report-rate-limiter';
import { hasActiveStageHold, lastAutoMuteReversal } from './stage-holds';

/** The viewer trust and safety acts as in the room command pipeline (sees every room). */
export const TRUST_AND_SAFETY_VIEWER: AuthenticatedViewer = { profileId: TRUST_AND_SAFETY_ACTOR_ID, name: null, isStaff: true };

export interface ReportAbuseRequest {
  readonly roomId: string;
  readonly profileId?: string | null;
  readonly category: string;
  readonly details?: string | null;
}

export interface ReportingDeps {
  readonly repository: RoomRepository;
  readonly commands: RoomCommandHandler;
  /** The room access policy: REPORT (the room is visible; the reporter is not suspended). */
  readonly access: RoomAccessPolicy;
  readonly rateLimiter: ReportRateLimiter;
  readonly autoMute: AutoMuteSettings;
  /** `REPORT_SUBJECT_LEFT_WITHIN_SECONDS`: how long after leaving a room a person may still be reported in it. */
  readonly reportSubjectLeftWithinSeconds: number;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * `reportAbuse`: eligibility (`checkReportEligibility`, and `isReportableSubject` for the person
 * named), the evidence snapshot, the reporter's standing and the report in one transaction on the
 * locked room row, then the automatic mute on a pile-up (`decideAutoMute`), whose notice and
 * audit entry commit with the report and whose mute (no role change) runs through the room
 * command pipeline right after.
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
   *   bad ids, category, details); NOT_FOUND (room; a profile that is unknown, or neither in the
   *   room nor gone from it within `reportSubjectLeftWithinSeconds`: one answer for all, so no
   *   existence oracle); CONFLICT (an open report already).
   */
  async reportAbuse(em: EntityManager, viewer: AuthenticatedViewer, request: ReportAbuseRequest, sourceKey: string | null = null): Promise<ReportEntity> {
    const roomId = parseUuid(request.roomId, 'roomId');
    const reportedProfileId = request.profileId ? parseProfileId(request.profileId, 'profileId') : null;
    await this.deps.rateLimiter.consume(viewer.profileId);
    const { report, enforce } = await em.transactional(async (tx) => {
      // The room lock serialises reports on a room, so two reports completing a pile-up
      // together cannot both act on it.
      const room = await this.deps.repository.lockRoom(tx, roomId);
      if (!room) throw notFound('Room');
      const { relation, suspendedUntil } = (await this.deps.access.relationTo(tx, viewer, roomId)) ?? { relation: null, suspendedUntil: null };
      if (!relation) throw notFound('Room');
      this.deps.access.assert(RoomOperation.Report, relation, suspendedUntil);
      const now = this.now();
      // One after another: a transaction is one connection.
      const participations = await tx.find(ParticipantEntity, { roomId, profileId: viewer.profileId }, { orderBy: { joinedAt: 'desc' }, limit: 1 });
      const openTargets = await tx.find(ReportEntity, { reporterId: viewer.profileId, roomId, status: ReportStatus.Open }, { fields: ['reportedProfileId'] });
      const latest = participations[0];
      const eligible = checkReportEligibility(
        { reporterId: viewer.profileId, roomId, reportedProfileId, category: request.category, details: request.details ?? null },
        {
          reporterParticipation: latest ? { leftAt: latest.leftAt } : null,
          reporterOpenReportTargets: openTargets.map((open) => open.reportedProfileId),
        },
        now,
      );
      if (eligible.reportedProfileId !== null) {
        const subjectStays = await tx.find(
          ParticipantEntity,
          { roomId, profileId: eligible.reportedProfileId },
          { orderBy: { joinedAt: 'desc' }, limit: 1 },
        );
        // Unknown, never here, or gone too long: one answer (same code, same message) for all.
        if (!isReportableSubject(subjectStays[0] ?? null, now, this.deps.reportSubjectLeftWithinSeconds)) throw notFound('Profile');
      }
      const reporterProfile = await tx.findOne(ProfileEntity, { id: viewer.profileId });
      const report = tx.create(ReportEntity, {
        id: randomUUID(),
        roomId,
        reporterId: viewer.profileId,
        reportedProfileId: eligible.reportedProfileId,
        category: eligible.category,
        details: eligible.details,
        status: ReportStatus.Open,
        sourceKey,
        evidence: await captureEvidence(tx, room, viewer.profileId, eligible.reportedProfileId, now),
        // latest is set: checkReportEligibility refused a reporter never in the room.
        reporterPresenceSeconds: latest ? presenceSecondsAt(latest, now) : null,
        reporterAccountCreatedAt: reporterProfile?.createdAt ?? null,
        createdAt: now,
      });
      await tx.flush();
      if (eligible.reportedProfileId === null) return { report, enforce: null };
      const subject = eligible.reportedProfileId;
      const onSubject = await tx.find(ReportEntity, { roomId, reportedProfileId: subject, reporterId: { $ne: null }, status: ReportStatus.Open });
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
        return { report, enforce: null };
      }
      const outcome = autoMuteOutcome({ decision, reports, subjectProfileId: subject, roomId, roomTitle: room.title, now });
      createNotice(tx, outcome.notice);
      appendAuditEntry(tx, outcome.audit);
      return { report, enforce: subject };
    });
    if (enforce !== null) await this.muteOnStage(em, roomId, enforce);
    return report;
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
