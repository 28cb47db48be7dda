import { Migration } from '@mikro-orm/migrations';

/**
 * Group join policies (issue 15, bug 7: anyone who learned a group's id could join it and see its
 * GROUP rooms, and anyone could list its members).
 * - `groups.join_policy`: OPEN (anyone signed in joins) or BY_REQUEST (an admin approves). Groups
 *   that exist keep the behaviour they were created with: OPEN.
 * - `group_members.role`: MEMBER or ADMIN; each group's creator becomes its admin.
 * - `group_join_requests`: one row per request, PENDING until an admin approves or declines it;
 *   at most one PENDING request per (group, profile), enforced by a partial unique index so two
 *   concurrent requests cannot both be filed.
 * - `group_invitations`: an admin's invitation lets its invitee join a BY_REQUEST group at once.
 * - `groups_name_idx`: the `groups(search)` directory reads groups in (lower(name), id) order.
 */
export class Migration20261207GroupJoinPolicy extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table groups add column join_policy varchar(16) not null default 'OPEN' check (join_policy in ('OPEN','BY_REQUEST'));`,
    );
    this.addSql(
      `alter table group_members add column role varchar(16) not null default 'MEMBER' check (role in ('MEMBER','ADMIN'));`,
    );
    this.addSql(
      `update group_members gm set role = 'ADMIN' from groups g where g.id = gm.group_id and g.created_by_id = gm.profile_id;`,
    );
    this.addSql(`
      create table group_join_requests (
        id uuid primary key,
        group_id uuid not null references groups(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        status varchar(16) not null default 'PENDING' check (status in ('PENDING','APPROVED','DECLINED')),
        requested_at timestamptz not null default now(),
        decided_at timestamptz,
        decided_by_id varchar(128) references profiles(id) on delete set null
      );`);
    this.addSql(
      `create unique index group_join_requests_pending_uniq on group_join_requests (group_id, profile_id) where status = 'PENDING';`,
    );
    this.addSql(
      `create index group_join_requests_pending_idx on group_join_requests (group_id, requested_at, id) where status = 'PENDING';`,
    );
    this.addSql(`
      create table group_invitations (
        group_id uuid not null references groups(id) on delete cascade,
        profile_id varchar(128) not null references profiles(id) on delete cascade,
        invited_by_id varchar(128) not null references profiles(id) on delete cascade,
        invited_at timestamptz not null default now(),
        primary key (group_id, profile_id)
      );`);
    this.addSql(`create index groups_name_idx on groups (lower(name), id);`);
    this.addSql(`create index groups_name_trgm_idx on groups using gin (name gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists groups_name_trgm_idx;`);
    this.addSql(`drop index if exists groups_name_idx;`);
    this.addSql(`drop table if exists group_invitations;`);
    this.addSql(`drop table if exists group_join_requests;`);
    this.addSql(`alter table group_members drop column if exists role;`);
    this.addSql(`alter table groups drop column if exists join_policy;`);
  }
}
