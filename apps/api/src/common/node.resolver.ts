import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffOperation } from '@roundtable/moderation';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import { type AuthenticatedViewer, isValidProfileId } from '../auth/authenticator';
import { APPEAL_ID_PREFIX, appealOf } from '../moderation/moderation.resolver';
import { ModerationLogEntity, ModerationNoticeEntity, ReportEntity } from '../moderation/moderation.entity';
import { viewerMayAccessStaff } from '../moderation/staff-powers';
import { type GraphQLContext, requireViewer } from './context';
import { isUuid } from './ids';
import { NodeType } from './node.type';
import { visibleQuestionNode } from '../questions/questions.resolver';
import { visibleChatMessageNode } from '../conversation/conversation.resolver';

/** The tables whose UUID ids `node(id:)` resolves, in the order one id is looked up. */
type UuidNodeKind = 'room' | 'group' | 'participant' | 'report' | 'notice' | 'log' | 'question' | 'chat' | 'notification';

/**
 * Which table holds a UUID: one statement over the primary keys (ids are random UUIDs, unique
 * across tables), so `node(id:)` costs the same whatever the type.
 */
async function uuidNodeKind(em: EntityManager, id: string): Promise<UuidNodeKind | null> {
  const rows = await em.execute<{ kind: UuidNodeKind }[]>(
    `select 'room' as kind from rooms where id = ?
     union all select 'group' from groups where id = ?
     union all select 'participant' from participants where id = ?
     union all select 'report' from reports where id = ?
     union all select 'notice' from moderation_notices where id = ?
     union all select 'log' from moderation_log where id = ?
     union all select 'question' from room_questions where id = ?
     union all select 'chat' from chat_messages where id = ?
     union all select 'notification' from notifications where id = ?
     limit 1`,
    Array.from({ length: 9 }, () => id),
  );
  return rows[0]?.kind ?? null;
}

@Resolver()
export class NodeResolver {
  /**
   * Every type that implements `Node`, under the same rules as its own queries: rooms the access
   * policy lets the viewer see (SEE), groups, participants of visible rooms, profiles; reports to
   * staff with staff powers and to their reporter; moderation notices and their appeals
   * (`appeal:<notice id>`) to staff and to the notice's subject; audit log entries to staff;
   * questions of rooms the viewer may see, as `Room.questions` shows them (`questionVisibleTo`);
   * chat messages of rooms whose chat the viewer may read (READ_CHAT), deleted ones with empty text;
   * notifications to their recipient only, while the policy's NOTIFY holds for their room.
   * Anything else, unknown or not the viewer's to see, is null alike (no existence oracle).
   * Profile ids are the identity provider's `sub`; other ids are UUIDs.
   */
  @Query(() => NodeType, { nullable: true })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<object | null> {
    const viewer = requireViewer(ctx);
    const em = ctx.scope.em;
    if (id.startsWith(APPEAL_ID_PREFIX) && isUuid(id.slice(APPEAL_ID_PREFIX.length))) {
      const notice = await this.visibleNotice(ctx, viewer, id.slice(APPEAL_ID_PREFIX.length).toLowerCase());
      return notice ? appealOf(notice) : null;
    }
    if (isUuid(id)) {
      const uuid = id.toLowerCase();
      switch (await uuidNodeKind(em, uuid)) {
        case 'room':
          return ctx.services.roomQueries.findVisibleRoom(em, viewer, uuid);
        case 'group':
          return ctx.scope.group.load(uuid);
        case 'participant': {
          const participant = await ctx.scope.participant.load(uuid);
          return participant && (await ctx.services.roomQueries.findVisibleRoom(em, viewer, participant.roomId)) ? participant : null;
        }
        case 'report': {
          const report = await em.findOne(ReportEntity, { id: uuid });
          if (!report) return null;
          return (await this.mayRead(ctx, viewer, StaffOperation.ReadRecord, report.reporterId === viewer.profileId)) ? report : null;
        }
        case 'notice':
          return this.visibleNotice(ctx, viewer, uuid);
        case 'question':
          return visibleQuestionNode(ctx, viewer, uuid);
        case 'chat':
          return visibleChatMessageNode(ctx, viewer, uuid);
        case 'notification':
          return ctx.services.notifications.visibleNotification(em, viewer, uuid);
        case 'log':
          return (await this.mayRead(ctx, viewer, StaffOperation.ReadAuditLog)) ? em.findOne(ModerationLogEntity, { id: uuid }) : null;
        case null:
          break;
      }
    }
    return isValidProfileId(id) ? ctx.scope.profile.load(id) : null;
  }

  private async visibleNotice(ctx: GraphQLContext, viewer: AuthenticatedViewer, id: string): Promise<ModerationNoticeEntity | null> {
    const notice = await ctx.scope.em.findOne(ModerationNoticeEntity, { id });
    if (!notice) return null;
    return (await this.mayRead(ctx, viewer, StaffOperation.ReadRecord, notice.subjectProfileId === viewer.profileId)) ? notice : null;
  }

  /** The staff access policy's answer (a report's reporter and a notice's subject own it). */
  private mayRead(ctx: GraphQLContext, viewer: AuthenticatedViewer, operation: StaffOperation, ownsRecord = false): Promise<boolean> {
    return viewerMayAccessStaff(ctx.scope.em, viewer, ctx.services.suspensions, operation, ownsRecord);
  }
}
