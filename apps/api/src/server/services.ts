import type { GroupsService } from '../groups/groups.service';
import type { ProfilesService } from '../profiles/profiles.service';
import type { RecommendationsService } from '../recommendations/recommendations.service';
import type { RoomsService } from '../rooms/rooms.service';

/** The services resolvers call; each owns its use cases and transactions. */
export interface Services {
  readonly profiles: ProfilesService;
  readonly groups: GroupsService;
  readonly rooms: RoomsService;
  readonly recommendations: RecommendationsService;
}
