import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import type { AuditLogEntry, NoticeDraft } from '@roundtable/moderation';

import { ModerationLogEntity, ModerationNoticeEntity } from './moderation.entity';

/** Appends one audit log entry in `tx` (append-only: nothing updates or deletes it). */
export function appendAuditEntry(tx: EntityManager, entry: AuditLogEntry): ModerationLogEntity {
  return tx.create(ModerationLogEntity, {
    id: randomUUID(),
    actorId: entry.actorId,
    action: entry.action,
    subjectProfileId: entry.subjectProfileId,
    roomId: entry.roomId,
    reportIds: [...entry.reportIds],
    note: entry.note,
    at: entry.at,
  });
}

/** Stores a notice to the affected person in `tx`. */
export function createNotice(tx: EntityManager, draft: NoticeDraft): ModerationNoticeEntity {
  return tx.create(ModerationNoticeEntity, {
    id: randomUUID(),
    subjectProfileId: draft.subjectProfileId,
    action: draft.action,
    category: draft.category,
    reason: draft.reason,
    roomId: draft.roomId,
    reportIds: [...draft.reportIds],
    createdAt: draft.createdAt,
    expiresAt: draft.expiresAt,
  });
}
