import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

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

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'group_members' })
export class GroupMemberEntity {
  @PrimaryKey({ type: 'uuid' })
  groupId!: string;

  @PrimaryKey({ type: 'string' })
  profileId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  joinedAt: Date = new Date();
}
