import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

import { TextArrayType } from '../database/text-array.type';

@Entity({ tableName: 'profiles' })
export class ProfileEntity {
  /** The identity provider's `sub`. */
  @PrimaryKey({ type: 'string', length: 128 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  displayName!: string;

  @Property({ type: 'string', nullable: true })
  headline: string | null = null;

  @Property({ type: 'string', nullable: true })
  company: string | null = null;

  /** Industry slug from the taxonomy. */
  @Property({ type: 'string', nullable: true })
  industry: string | null = null;

  @Property({ type: 'string', nullable: true })
  seniority: string | null = null;

  @Property({ type: 'string', nullable: true })
  avatarUrl: string | null = null;

  @Property({ type: TextArrayType, columnType: 'text[]' })
  skills: string[] = [];

  /** Topic slugs. */
  @Property({ type: TextArrayType, columnType: 'text[]' })
  interests: string[] = [];

  @Property({ type: 'integer' })
  followerCount = 0;

  @Property({ type: 'integer' })
  followingCount = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

@Entity({ tableName: 'follows' })
export class FollowEntity {
  @PrimaryKey({ type: 'string' })
  followerId!: string;

  @PrimaryKey({ type: 'string' })
  followeeId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
