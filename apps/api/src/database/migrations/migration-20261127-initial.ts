import { Migration } from '@mikro-orm/migrations';

/** Initial schema: profiles, follows, groups, rooms, participants, bans, invitees and the room event log. */
export class Migration20261127Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table profiles (
        id varchar(128) primary key,
        display_name varchar(80) not null,
        headline varchar(160),
        company varchar(120),
        industry varchar(64),
        seniority varchar(16) check (seniority in ('ENTRY','MID','SENIOR','LEAD','MANAGER','DIRECTOR','EXECUTIVE')),
        avatar_url varchar(2048),
        skills text[] not null default '{}',
        interests text[] not null default '{}',
        follower_count integer not null default 0 check (follower_count >= 0),
        following_count integer not null default 0 check (following_count >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table follows (
        follower_id varchar(128) not null references profiles(id) on delete cascade,
        followee_id varchar(128) not null references profiles(id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (follower_id, followee_id),
        check (follower_id <> followee_id)
      );`);
    this.addSql(`create index follows_followee_idx on follows (followee_id);`);
    this.addSql(`
      create table groups (
        id uuid primary key,
        name varchar(80) not null,
        description varchar(1000),
        created_by_id varchar(128) not null references profiles(id),
        member_count integer not null default 0 check (member_count >= 0),
        created_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table group_members (
        group_id uuid not null references groups(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        joined_at timestamptz not null default now(),
        primary key (group_id, profile_id)
      );`);
    this.addSql(`create index group_members_profile_idx on group_members (profile_id);`);
    this.addSql(`
      create table rooms (
        id uuid primary key,
        title varchar(120) not null,
        description varchar(2000),
        topics text[] not null default '{}',
        status varchar(16) not null check (status in ('SCHEDULED','LIVE','ENDED')),
        visibility varchar(16) not null check (visibility in ('PUBLIC','GROUP','PRIVATE')),
        group_id uuid references groups(id),
        host_id varchar(128) not null references profiles(id),
        max_speakers integer not null check (max_speakers between 2 and 50),
        scheduled_for timestamptz,
        started_at timestamptz,
        ended_at timestamptz,
        version integer not null default 0 check (version >= 0),
        created_at timestamptz not null default now(),
        check (visibility <> 'GROUP' or group_id is not null)
      );`);
    this.addSql(`create index rooms_created_idx on rooms (created_at desc, id desc);`);
    this.addSql(`create index rooms_status_idx on rooms (status, created_at desc);`);
    this.addSql(`create index rooms_group_idx on rooms (group_id) where group_id is not null;`);
    this.addSql(`create index rooms_topics_idx on rooms using gin (topics);`);
    this.addSql(`
      create table room_invitees (
        room_id uuid not null references rooms(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        primary key (room_id, profile_id)
      );`);
    this.addSql(`create index room_invitees_profile_idx on room_invitees (profile_id);`);
    this.addSql(`
      create table room_bans (
        room_id uuid not null references rooms(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        banned_by_id varchar(128) not null references profiles(id),
        created_at timestamptz not null default now(),
        primary key (room_id, profile_id)
      );`);
    this.addSql(`
      create table participants (
        id uuid primary key,
        room_id uuid not null references rooms(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        role varchar(16) not null check (role in ('HOST','MODERATOR','SPEAKER','LISTENER')),
        joined_at timestamptz not null,
        stage_since timestamptz,
        hand_raised_at timestamptz,
        hand_raise_question varchar(280),
        invited_to_stage_at timestamptz,
        muted boolean not null default false,
        connected boolean not null default false,
        left_at timestamptz
      );`);
    // One active participation per profile and room; left rows stay as listening history.
    this.addSql(
      `create unique index participants_active_uq on participants (room_id, profile_id) where left_at is null;`,
    );
    this.addSql(
      `create index participants_room_role_idx on participants (room_id, role, joined_at, id) where left_at is null;`,
    );
    this.addSql(`create index participants_profile_idx on participants (profile_id, joined_at desc);`);
    this.addSql(`
      create table room_events (
        room_id uuid not null references rooms(id) on delete cascade,
        version integer not null,
        type varchar(40) not null,
        payload jsonb not null,
        at timestamptz not null,
        primary key (room_id, version)
      );`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'room_events',
      'participants',
      'room_bans',
      'room_invitees',
      'rooms',
      'group_members',
      'groups',
      'follows',
      'profiles',
    ]) {
      this.addSql(`drop table if exists ${table} cascade;`);
    }
  }
}
