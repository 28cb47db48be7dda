import { type EntityManager } from '@mikro-orm/postgresql';
import { AppealStatus, buildModerationQueue, groupKey, type QueuedReport, type ReportStatus, StaffOperation } from '@roundtable/moderation';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { isUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { placeholders } from '../common/sql';
import { ModerationLogEntity, ModerationNoticeEntity, ReportEntity } from './moderation.entity';
import { requireStaffAccess } from './staff-powers';
import type { SuspensionService } from './suspension.service';

/** A queue page, with each group's distinct reporters so `Report.distinctReporters` needs no query. */
export interface QueuePage extends Page<ReportEntity> {
  readonly totalCount: number;
  readonly distinctReportersByGroup: ReadonlyMap<string, number>;
}

/** The staff and viewer lists of trust and safety; each list is a constant number of statements. */
export class ModerationQueries {
  constructor(private readonly suspensions: SuspensionService) {}

  /**
   * `moderationQueue`: reports of `status` grouped per (room, profile), groups by priority
   * (`buildModerationQueue`: severity × distinct reporters × audience factor), each group's
   * reports oldest first. Two statements (reports, audience sizes) whatever the page size.
   * Cursors have the API's one cursor shape (`[createdAt, id]` of the last report, which the
   * admission layer checks) and mean "after this report in the current order". When that report
   * has left the queue (its group was decided meanwhile), paging starts over at the top: decided
   * reports are gone, so it never loops. Staff with staff powers only (a suspended account has none).
   */
  async queue(em: EntityManager, viewer: AuthenticatedViewer, status: ReportStatus, first: number, after: string | null): Promise<QueuePage> {
    await requireStaffAccess(em, viewer, this.suspensions, StaffOperation.ReadQueue);
    const cursor = decodeCursor(after, isUuid);
    const rows = await em.find(
      ReportEntity,
      { status, roomId: { $ne: null } },
      { fields: ['id', 'roomId', 'reportedProfileId', 'reporterId', 'category', 'status', 'createdAt', 'details', 'evidence', 'resolvedAt', 'action', 'resolutionNote'] },
    );
    const roomIds = [...new Set(rows.map((row) => row.roomId as string))];
    const audience = new Map<string, number>();
    if (roomIds.length > 0) {
      const counts = await em.execute<{ room_id: string; total: string }[]>(
        `select room_id, count(*) as total from participants where left_at is null and room_id in (${placeholders(roomIds)}) group by room_id`,
        roomIds,
      );
      for (const count of counts) audience.set(count.room_id, Number(count.total));
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const queued: QueuedReport[] = rows.map((row) => ({
      id: row.id,
      roomId: row.roomId as string,
      reportedProfileId: row.reportedProfileId,
      reporterId: row.reporterId,
      category: row.category,
      status: row.status,
      createdAt: row.createdAt,
    }));
    const groups = buildModerationQueue(queued, (roomId) => audience.get(roomId) ?? 0);
    const ordered: ReportEntity[] = [];
    const distinctReportersByGroup = new Map<string, number>();
    for (const group of groups) {
      distinctReportersByGroup.set(group.key, group.distinctReporters);
      for (const id of group.reportIds) ordered.push(byId.get(id) as ReportEntity);
    }
    const afterIndex = cursor === null ? -1 : ordered.findIndex((report) => report.id === cursor.id);
    const rest = ordered.slice(afterIndex + 1);
    const page = toPage(rest.slice(0, first + 1), first, (report) => encodeCursor(report.createdAt, report.id), afterIndex >= 0 ? cursor : null);
    return {
      edges: page.edges,
      pageInfo: page.pageInfo,
      totalCount: rows.length,
      distinctReportersByGroup,
    };
  }

  /** `viewerModerationNotices`: the viewer's own notices, newest first. One statement. */
  async viewerNotices(em: EntityManager, viewer: AuthenticatedViewer, first: number, after: string | null): Promise<Page<ModerationNoticeEntity>> {
    const cursor = decodeCursor(after, isUuid);
    const rows = await em.find(
      ModerationNoticeEntity,
      {
        subjectProfileId: viewer.profileId,
        ...(cursor ? { $or: [{ createdAt: { $lt: cursor.at } }, { createdAt: cursor.at, id: { $lt: cursor.id } }] } : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
    );
    return toPage(rows, first, (row) => encodeCursor(row.createdAt, row.id), cursor);
  }

  /** `moderationAppeals`: notices with an OPEN appeal, oldest appeal first. Staff only; one statement. */
  async openAppeals(em: EntityManager, viewer: AuthenticatedViewer, first: number, after: string | null): Promise<Page<ModerationNoticeEntity>> {
    await requireStaffAccess(em, viewer, this.suspensions, StaffOperation.ReadAppeals);
    const cursor = decodeCursor(after, isUuid);
    const rows = await em.find(
      ModerationNoticeEntity,
      {
        appealStatus: AppealStatus.Open,
        ...(cursor ? { $or: [{ appealCreatedAt: { $gt: cursor.at } }, { appealCreatedAt: cursor.at, id: { $gt: cursor.id } }] } : {}),
      },
      { orderBy: { appealCreatedAt: 'asc', id: 'asc' }, limit: first + 1 },
    );
    return toPage(rows, first, (row) => encodeCursor(row.appealCreatedAt ?? row.createdAt, row.id), cursor);
  }

  /** `moderationLog`: every action, newest first. Staff only; one statement. */
  async log(em: EntityManager, viewer: AuthenticatedViewer, first: number, after: string | null): Promise<Page<ModerationLogEntity>> {
    await requireStaffAccess(em, viewer, this.suspensions, StaffOperation.ReadAuditLog);
    const cursor = decodeCursor(after, isUuid);
    const rows = await em.find(
      ModerationLogEntity,
      cursor ? { $or: [{ at: { $lt: cursor.at } }, { at: cursor.at, id: { $lt: cursor.id } }] } : {},
      { orderBy: { at: 'desc', id: 'desc' }, limit: first + 1 },
    );
    return toPage(rows, first, (row) => encodeCursor(row.at, row.id), cursor);
  }
}

/** The `distinctReporters` key of a report. */
export function reportGroupKey(report: Pick<ReportEntity, 'roomId' | 'reportedProfileId'>): string {
  return groupKey(report.roomId ?? '', report.reportedProfileId);
}

