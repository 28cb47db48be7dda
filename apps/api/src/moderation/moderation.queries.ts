import { type EntityManager } from '@mikro-orm/postgresql';
import { AppealStatus, buildModerationQueue, groupKey, type QueuedReport, type ReportStatus } from '@roundtable/moderation';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput } from '../common/api-error';
import { isUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { placeholders } from '../common/sql';
import { ModerationLogEntity, ModerationNoticeEntity, ReportEntity } from './moderation.entity';
import { requireStaff } from './staff';

/** One queue position: the group's priority and oldest report, its key, then the report's own order. */
type QueuePosition = readonly [priority: number, oldestAt: number, key: string, createdAt: number, id: string];

function comparePositions(a: QueuePosition, b: QueuePosition): number {
  return b[0] - a[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0) || a[3] - b[3] || (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0);
}

function encodePosition(position: QueuePosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decodePosition(cursor: string | null | undefined): QueuePosition | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 5 &&
      typeof parsed[0] === 'number' &&
      typeof parsed[1] === 'number' &&
      typeof parsed[2] === 'string' &&
      typeof parsed[3] === 'number' &&
      typeof parsed[4] === 'string' &&
      isUuid(parsed[4])
    ) {
      return parsed as unknown as QueuePosition;
    }
  } catch {
    // fall through
  }
  throw badInput('after', 'after is not a valid cursor');
}

/** A queue page, with each group's distinct reporters so `Report.distinctReporters` needs no query. */
export interface QueuePage extends Page<ReportEntity> {
  readonly totalCount: number;
  readonly distinctReportersByGroup: ReadonlyMap<string, number>;
}

/** The staff and viewer lists of trust and safety; each list is a constant number of statements. */
export class ModerationQueries {
  /**
   * `moderationQueue`: reports of `status` grouped per (room, profile), groups by priority
   * (`buildModerationQueue`: severity × distinct reporters × audience factor), each group's
   * reports oldest first. Two statements (reports, audience sizes) whatever the page size.
   * Cursors are the position in that order, so a page never repeats an item even as new
   * reports reshuffle groups (it may then skip to the new order, never loop).
   */
  async queue(em: EntityManager, viewer: AuthenticatedViewer, status: ReportStatus, first: number, after: string | null): Promise<QueuePage> {
    requireStaff(viewer);
    const position = decodePosition(after);
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
    const ordered: { position: QueuePosition; report: ReportEntity }[] = [];
    const distinctReportersByGroup = new Map<string, number>();
    for (const group of groups) {
      distinctReportersByGroup.set(group.key, group.distinctReporters);
      for (const id of group.reportIds) {
        const report = byId.get(id) as ReportEntity;
        ordered.push({
          position: [group.priority, group.oldestAt.getTime(), group.key, report.createdAt.getTime(), report.id],
          report,
        });
      }
    }
    const rest = position === null ? ordered : ordered.filter((item) => comparePositions(item.position, position) > 0);
    const page = toPage(rest.slice(0, first + 1), first, (item) => encodePosition(item.position));
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.report })),
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
    return toPage(rows, first, (row) => encodeCursor(row.createdAt, row.id));
  }

  /** `moderationAppeals`: notices with an OPEN appeal, oldest appeal first. Staff only; one statement. */
  async openAppeals(em: EntityManager, viewer: AuthenticatedViewer, first: number, after: string | null): Promise<Page<ModerationNoticeEntity>> {
    requireStaff(viewer);
    const cursor = decodeCursor(after, isUuid);
    const rows = await em.find(
      ModerationNoticeEntity,
      {
        appealStatus: AppealStatus.Open,
        ...(cursor ? { $or: [{ appealCreatedAt: { $gt: cursor.at } }, { appealCreatedAt: cursor.at, id: { $gt: cursor.id } }] } : {}),
      },
      { orderBy: { appealCreatedAt: 'asc', id: 'asc' }, limit: first + 1 },
    );
    return toPage(rows, first, (row) => encodeCursor(row.appealCreatedAt ?? row.createdAt, row.id));
  }

  /** `moderationLog`: every action, newest first. Staff only; one statement. */
  async log(em: EntityManager, viewer: AuthenticatedViewer, first: number, after: string | null): Promise<Page<ModerationLogEntity>> {
    requireStaff(viewer);
    const cursor = decodeCursor(after, isUuid);
    const rows = await em.find(
      ModerationLogEntity,
      cursor ? { $or: [{ at: { $lt: cursor.at } }, { at: cursor.at, id: { $lt: cursor.id } }] } : {},
      { orderBy: { at: 'desc', id: 'desc' }, limit: first + 1 },
    );
    return toPage(rows, first, (row) => encodeCursor(row.at, row.id));
  }
}

/** The `distinctReporters` key of a report. */
export function reportGroupKey(report: Pick<ReportEntity, 'roomId' | 'reportedProfileId'>): string {
  return groupKey(report.roomId ?? '', report.reportedProfileId);
}

