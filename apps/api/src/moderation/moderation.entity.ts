import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { AppealStatus, AuditAction, ModerationAction, ModerationNoticeAction, ReportCategory, ReportStatus } from '@roundtable/moderation';

import { TextArrayType } from '../database/text-array.type';

import type { ReportEvidenceSnapshot } from './report-evidence';

@Entity({ tableName: 'reports' })
export class ReportEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Null only for a system report on a text that belongs to no room (a profile or group text). */
  @Property({ type: 'uuid', nullable: true })
  roomId: string | null = null;

  /** Null for a system report (screening). */
  @Property({ type: 'string', nullable: true })
  reporterId: string | null = null;

  /** For a report on a question, its asker; on a chat message, its author. */
  @Property({ type: 'string', nullable: true })
  reportedProfileId: string | null = null;

  /** The question reported (`room_questions.id`); null for a report on a person or a room. */
  @Property({ type: 'uuid', nullable: true })
  questionId: string | null = null;

  /** The question was anonymous when reported: only staff see its asker in `reportedProfile`. */
  @Property({ type: 'boolean' })
  questionAnonymous: Opt<boolean> = false;

  /** The chat message reported (`chat_messages.id`); null for any other report. */
  @Property({ type: 'uuid', nullable: true })
  chatMessageId: string | null = null;

  @Property({ type: 'string' })
  category!: ReportCategory;

  @Property({ type: 'text', nullable: true })
  details: string | null = null;

  @Property({ type: 'string' })
  status!: ReportStatus;

  @Property({ type: 'string', nullable: true })
  sourceKey: string | null = null;

  @Property({ type: 'json', nullable: true })
  evidence: ReportEvidenceSnapshot | null = null;

  /** Whole seconds the reporter had been in the room when reporting (`presenceSecondsAt`); null for a system report. */
  @Property({ type: 'integer', nullable: true })
  reporterPresenceSeconds: number | null = null;

  /** When the reporter's account was created, as read when reporting; null for a system report. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  reporterAccountCreatedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  resolvedById: string | null = null;

  @Property({ type: 'string', nullable: true })
  action: ModerationAction | null = null;

  @Property({ type: 'text', nullable: true })
  resolutionNote: string | null = null;
}

@Entity({ tableName: 'moderation_notices' })
export class ModerationNoticeEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string' })
  subjectProfileId!: string;

  @Property({ type: 'string' })
  action!: ModerationNoticeAction;

  @Property({ type: 'string' })
  category!: ReportCategory;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid', nullable: true })
  roomId: string | null = null;

  @Property({ type: TextArrayType, columnType: 'text[]' })
  reportIds: string[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  appealStatement: string | null = null;

  @Property({ type: 'string', nullable: true })
  appealStatus: AppealStatus | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appealCreatedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appealDecidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  appealDecisionNote: string | null = null;
}

@Entity({ tableName: 'moderation_log' })
export class ModerationLogEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string' })
  action!: AuditAction;

  @Property({ type: 'string', nullable: true })
  subjectProfileId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  roomId: string | null = null;

  @Property({ type: TextArrayType, columnType: 'text[]' })
  reportIds: string[] = [];

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at!: Date;
}

@Entity({ tableName: 'blocks' })
export class BlockEntity {
  @PrimaryKey({ type: 'string' })
  blockerId!: string;

  @PrimaryKey({ type: 'string' })
  blockedId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;
}
