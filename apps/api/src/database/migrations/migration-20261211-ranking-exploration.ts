import { Migration } from '@mikro-orm/migrations';

/**
 * The exploration slice of `recommendedRooms` (issue 19): each impression records the
 * probability that the serving policy put that room at that position (`propensity`: 1 in the
 * model's order, 1/N when the model's top N were shuffled uniformly) and whether it was served by
 * the exploration slice. Rows logged before this migration have a null propensity and
 * `exploration = false`: they were all served in the model's (or the fallback's) order.
 */
export class Migration20261211RankingExploration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table ranking_impressions
        add column propensity double precision null check (propensity > 0 and propensity <= 1),
        add column exploration boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table ranking_impressions drop column if exists exploration, drop column if exists propensity;');
  }
}
