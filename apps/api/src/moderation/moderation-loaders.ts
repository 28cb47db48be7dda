import DataLoader from 'dataloader';

import type { RequestScope } from '../common/request-scope';
import { placeholders } from '../common/sql';
import { BlockEntity } from './moderation.entity';

/** Trust-and-safety DataLoaders of one request scope: one statement per list, never per row. */
export interface ModerationLoaders {
  /** Distinct (human) reporters per `roomId:profileId` group (see `reportGroupKey`). */
  readonly distinctReporters: DataLoader<string, number>;
  /** Whether the viewer has blocked a profile. */
  readonly viewerBlocks: DataLoader<string, boolean>;
}

const loadersByScope = new WeakMap<RequestScope, ModerationLoaders>();

/** The loaders of `scope`, made on first use; a renewed scope (each subscription event) gets fresh ones. */
export function moderationLoaders(scope: RequestScope): ModerationLoaders {
  const existing = loadersByScope.get(scope);
  if (existing) return existing;
  const { em, viewerId } = scope;
  const loaders: ModerationLoaders = {
    distinctReporters: new DataLoader(async (keys) => {
      const rows = await em.execute<{ key: string; reporters: string }[]>(
        `select room_id::text || ':' || coalesce(reported_profile_id, '') as key, count(distinct reporter_id) as reporters
           from reports where room_id::text || ':' || coalesce(reported_profile_id, '') in (${placeholders(keys)}) group by 1`,
        [...keys],
      );
      const counts = new Map(rows.map((row) => [row.key, Number(row.reporters)]));
      return keys.map((key) => counts.get(key) ?? 0);
    }),
    viewerBlocks: new DataLoader(async (profileIds) => {
      if (!viewerId) return profileIds.map(() => false);
      const rows = await em.find(BlockEntity, { blockerId: viewerId, blockedId: { $in: [...profileIds] } });
      const blocked = new Set(rows.map((row) => row.blockedId));
      return profileIds.map((id) => blocked.has(id));
    }),
  };
  loadersByScope.set(scope, loaders);
  return loaders;
}
