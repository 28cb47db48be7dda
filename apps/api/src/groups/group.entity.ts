import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

import { GroupJoinPolicy, GroupJoinRequestStatus, GroupRole } from './group-membership.rules';

@Entity({ tableName: 'groups' })
export class GroupEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: 'string', nullable: true })
  description: string | null = null;

  @Property({ type: 'string' })
  createdById!: string;

  @Property({ type: 'integer' })
  memberCount = 0;

  @Property({ type: 'string', length: 16 })
  joinPolicy: GroupJoinPolicy = GroupJoinPolicy.Open;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'group_members' })
export class GroupMemberEntity {
  @PrimaryKey({ type: 'uuid' })
  groupId!: string;

  @PrimaryKey({ type: 'string' })
  profileId!: string;

  @Property({ type: 'string', length: 16 })
  role: GroupRole = GroupRole.Member;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  joinedAt: Date = new Date();
}

/** A viewer's request to join a BY_REQUEST group, PENDING until an admin decides. */
@Entity({ tableName: 'group_join_requests' })
export class GroupJoinRequestEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  groupId!: string;

  @Property({ type: 'string' })
  profileId!: string;

  @Property({ type: 'string', length: 16 })
  status: GroupJoinRequestStatus = GroupJoinRequestStatus.Pending;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  requestedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  decidedById: string | null = null;
}

/** An admin's invitation: its invitee may join the group at once, whatever its policy. */
@Entity({ tableName: 'group_invitations' })
export class GroupInvitationEntity {
  @PrimaryKey({ type: 'uuid' })
  groupId!: string;

  @PrimaryKey({ type: 'string' })
  profileId!: string;

  @Property({ type: 'string' })
  invitedById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  invitedAt: Date = new Date();
}
