import { type ParticipantRole } from '@roundtable/domain';
import { AppealStatus, ModerationNoticeAction } from '@roundtable/moderation';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ParticipantRoleGql } from '../../common/graphql-enums';
import { NodeType, PageInfoType } from '../../common/node.type';
import { ReportCategoryGql } from './report.type';

/** The policy's enums, keyed by their contract values (type-graphql names values after keys). */
const byValue = <E extends Record<string, string>>(values: E) =>
  Object.fromEntries(Object.values(values).map((value) => [value, value])) as { [V in E[keyof E]]: V };

export const ModerationNoticeActionGql = byValue(ModerationNoticeAction);
export const AppealStatusGql = byValue(AppealStatus);
registerEnumType(ModerationNoticeActionGql, { name: 'ModerationNoticeAction' });
registerEnumType(AppealStatusGql, { name: 'AppealStatus' });

@ObjectType('EvidenceParticipant')
export class EvidenceParticipantType {
  @Field(() => ID)
  profileId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => ParticipantRoleGql)
  role!: ParticipantRole;

  @Field(() => Boolean)
  muted!: boolean;
}

@ObjectType('EvidenceEvent')
export class EvidenceEventType {
  @Field(() => Int, { description: "The event's room version." })
  version!: number;

  @Field(() => String, { description: "The event's GraphQL type name, e.g. HandRaised." })
  type!: string;

  @Field(() => ID, { nullable: true, description: 'The profile the event is about, when it is about one.' })
  profileId!: string | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('EvidenceChatMessage', { description: 'A chat message as it was when a report was filed.' })
export class EvidenceChatMessageType {
  @Field(() => ID)
  messageId!: string;

  @Field(() => ID)
  authorId!: string;

  @Field(() => String, { description: 'The text as written, also when the message had been deleted before the report.' })
  text!: string;

  @Field(() => Date, { description: 'When it was sent.' })
  at!: Date;

  @Field(() => Boolean, { description: 'True for the message the report is about.' })
  reported!: boolean;

  @Field(() => Boolean, { description: 'True when the message had been deleted before the report (readers saw it with empty text; its text is kept here for staff).' })
  deleted!: boolean;
}

@ObjectType('ReportEvidence', { description: 'What the room looked like when a report was filed, kept with the report for review.' })
export class ReportEvidenceType {
  @Field(() => Date)
  capturedAt!: Date;

  @Field(() => Int, { description: "The room's version when the report was filed." })
  roomVersion!: number;

  @Field(() => String)
  roomTitle!: string;

  @Field(() => ParticipantRoleGql, { nullable: true })
  reporterRole!: ParticipantRole | null;

  @Field(() => ParticipantRoleGql, { nullable: true })
  reportedRole!: ParticipantRole | null;

  @Field(() => String, { nullable: true })
  reportedHandQuestion!: string | null;

  @Field(() => Date, { nullable: true })
  reportedJoinedAt!: Date | null;

  @Field(() => [EvidenceParticipantType])
  stage!: EvidenceParticipantType[];

  @Field(() => [EvidenceEventType])
  recentEvents!: EvidenceEventType[];

  @Field(() => String, { nullable: true, description: "The reported question's text when reported; null for a report on a person or a room." })
  questionText!: string | null;

  @Field(() => [EvidenceChatMessageType], {
    description: 'The reported message with up to 10 messages before and after it, oldest first, as they were when reported; empty for any other report.',
  })
  chatContext!: EvidenceChatMessageType[];
}

@ObjectType('ModerationAppeal', { implements: NodeType })
export class ModerationAppealType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  statement!: string;

  @Field(() => AppealStatusGql)
  status!: AppealStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Staff's answer to the appeal." })
  decisionNote!: string | null;
}

@ObjectType('ModerationNotice', {
  implements: NodeType,
  description: 'A decision that affects the viewer: a warning, a removal, a suspension, or an automatic mute pending review.',
})
export class ModerationNoticeType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => ModerationNoticeActionGql)
  action!: ModerationNoticeAction;

  @Field(() => ReportCategoryGql, { description: 'The policy category the decision is based on.' })
  category!: ReportCategoryGql;

  @Field(() => String, { description: 'The statement of reasons, in plain words.' })
  reason!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('ModerationNoticeEdge')
export class ModerationNoticeEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => ModerationNoticeType)
  node!: ModerationNoticeType;
}

@ObjectType('ModerationNoticeConnection')
export class ModerationNoticeConnectionType {
  @Field(() => [ModerationNoticeEdgeType])
  edges!: ModerationNoticeEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@ObjectType('AppealEdge')
export class AppealEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => ModerationNoticeType)
  node!: ModerationNoticeType;
}

@ObjectType('AppealConnection')
export class AppealConnectionType {
  @Field(() => [AppealEdgeType])
  edges!: AppealEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@InputType('AppealInput')
export class AppealInput {
  @Field(() => ID)
  noticeId!: string;

  @Field(() => String)
  statement!: string;
}

@InputType('ResolveAppealInput')
export class ResolveAppealInput {
  @Field(() => ID)
  noticeId!: string;

  @Field(() => Boolean, { description: 'true keeps the decision, false reverses it (a reversed suspension ends at once).' })
  upheld!: boolean;

  @Field(() => String)
  note!: string;
}
