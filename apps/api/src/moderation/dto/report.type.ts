import { ModerationAction, ReportCategory, ReportStatus } from '@roundtable/moderation';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { graphqlEnum } from '../../common/graphql-enums';

import { NodeType, PageInfoType } from '../../common/node.type';
import { ProfileType } from '../../profiles/dto/profile.type';
import { RoomType } from '../../rooms/dto/room.type';

/** The contract's enums, from libs/moderation's policy (one definition), as GraphQL enums. */
export const ReportCategoryGql = graphqlEnum(ReportCategory, 'ReportCategory');
export type ReportCategoryGql = ReportCategory;
export const ReportStatusGql = graphqlEnum(ReportStatus, 'ReportStatus');
export type ReportStatusGql = ReportStatus;
export const ModerationActionGql = graphqlEnum(ModerationAction, 'ModerationAction');
export type ModerationActionGql = ModerationAction;

@ObjectType('Report', { implements: NodeType })
export class ReportType extends NodeType {
  @Field(() => ID)
  declare id: string;

  @Field(() => ReportCategoryGql)
  category!: ReportCategoryGql;

  @Field(() => ReportStatusGql)
  status!: ReportStatusGql;

  @Field(() => String, { nullable: true })
  details!: string | null;

  @Field(() => RoomType)
  room!: RoomType;

  @Field(() => ProfileType, {
    nullable: true,
    description:
      "The person reported (a question's asker, a chat message's author); null for a report on the room, and for anyone but staff when the report is on an anonymous question.",
  })
  reportedProfile!: ProfileType | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => ModerationActionGql, { nullable: true })
  action!: ModerationActionGql | null;

  @Field(() => String, { nullable: true, description: "Why staff decided as they did: shown to the reported person with the decision." })
  resolutionNote!: string | null;
}

@ObjectType('ReportEdge')
export class ReportEdgeType {
  @Field(() => String)
  cursor!: string;

  @Field(() => ReportType)
  node!: ReportType;
}

@ObjectType('ReportConnection')
export class ReportConnectionType {
  @Field(() => [ReportEdgeType])
  edges!: ReportEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int)
  totalCount!: number;
}

@InputType('ReportAbuseInput')
export class ReportAbuseInput {
  @Field(() => ID)
  roomId!: string;

  @Field(() => ID, { nullable: true, description: 'The participant reported; none when the report is about the room itself.' })
  profileId?: string | null;

  @Field(() => ReportCategoryGql)
  category!: ReportCategoryGql;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Report a question: its text is kept as evidence. The report names the question's asker (whom only staff see when the question is anonymous); give no profileId with it. A question the viewer may not see is NOT_FOUND, as an unknown id.",
  })
  questionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Report a chat message: its text and the messages around it are kept as evidence. The report names the message's author; give neither profileId nor questionId with it. A message the viewer may not read (READ_CHAT) is NOT_FOUND, as an unknown id; a deleted message is still reportable, its text kept for staff.",
  })
  chatMessageId?: string | null;
}

@InputType('ResolveReportInput')
export class ResolveReportInput {
  @Field(() => ID)
  reportId!: string;

  @Field(() => ModerationActionGql)
  action!: ModerationActionGql;

  @Field(() => String, { nullable: true })
  note?: string | null;
}


