import type { AudioGateway } from '@roundtable/audio';
import type { Logger } from 'pino';

import type { AppConfig } from '../config/config';
import type { Database } from '../database/orm';
import type { EventBus } from '../events/event-bus';
import { RoomEventStream } from '../events/room-event-stream';
import { GroupsService } from '../groups/groups.service';
import { MediaAccessService } from '../media/media-access.service';
import { ProfilesService } from '../profiles/profiles.service';
import { EngagementProjection } from '../recommendations/engagement.projection';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { ParticipantRowsProjection } from '../rooms/projections/participant-rows.projection';
import { RoomEventLogProjection } from '../rooms/projections/room-event-log.projection';
import { RoomCommandHandler } from '../rooms/room-command.handler';
import { RoomCreationService } from '../rooms/room-creation.service';
import { RoomQueries } from '../rooms/room.queries';
import { RoomRepository } from '../rooms/room.repository';

/** The services resolvers call; each owns its use cases and transactions. */
export interface Services {
  readonly profiles: ProfilesService;
  readonly groups: GroupsService;
  readonly roomCreation: RoomCreationService;
  /** The room command pipeline: lock → decide → projections → commit → effects. */
  readonly roomCommands: RoomCommandHandler;
  readonly roomQueries: RoomQueries;
  readonly roomEvents: RoomEventStream;
  readonly media: MediaAccessService;
  readonly recommendations: RecommendationsService;
}

export interface ServiceDeps {
  readonly config: AppConfig;
  readonly db: Database;
  readonly bus: EventBus;
  readonly audio: AudioGateway;
  readonly logger: Logger;
}

/** Wires every service once per API instance. */
export function createServices({ config, db, bus, audio, logger }: ServiceDeps): Services {
  const roomEvents = new RoomEventStream({ bus, fork: () => db.orm.em.fork(), logger });
  return {
    profiles: new ProfilesService(),
    groups: new GroupsService({ onMemberLeft: (profileId) => roomEvents.notifyAccessChanged(profileId) }),
    roomCreation: new RoomCreationService(),
    roomCommands: new RoomCommandHandler({
      repository: new RoomRepository(),
      // Engagement reads the join times of rows the participant projection closes; the event
      // log needs the row ids the participant projection creates.
      projections: [new EngagementProjection(), new ParticipantRowsProjection(), new RoomEventLogProjection()],
      effects: [{ name: 'publish room events', run: (outcome) => roomEvents.publish(outcome.room.id, outcome.messages) }],
      logger,
    }),
    roomQueries: new RoomQueries(),
    roomEvents,
    media: new MediaAccessService(audio),
    recommendations: new RecommendationsService(
      {
        recommenderUrl: config.recommender.url,
        timeoutMs: config.recommender.timeoutMs,
        maxCandidates: config.recommender.maxCandidates,
      },
      logger,
    ),
  };
}
