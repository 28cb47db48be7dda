import { Migration } from '@mikro-orm/migrations';

/**
 * Staff rights live in the server's own record (issue 14): a token's `roles` claim grants
 * nothing, so withdrawing a role here takes effect before the token expires. No foreign key to
 * `profiles`: a role may be granted to an identity provider's `sub` before its first sign-in
 * creates the profile. `granted_by` names who granted it (a CLI operator, `demo-seed`, …).
 */
export class Migration20261207StaffRoles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table staff_roles (
        profile_id varchar(128) not null,
        role text not null check (role in ('trust_safety')),
        granted_at timestamptz not null default now(),
        granted_by varchar(200) not null,
        primary key (profile_id, role)
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists staff_roles;`);
  }
}
